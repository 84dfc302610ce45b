import { Stack } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { fleet, newStack, outcomesOf, vpcOf } from './support';

/** An internet-facing ALB whose unmatched requests get a 404, as an outside three-tier app would have. */
function listenerOf(stack: Stack): elbv2.ApplicationListener {
  const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: vpcOf(stack), internetFacing: true });
  return alb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(404) });
}

const route = (listener: elbv2.ApplicationListener, id: string, priority: number, conditions: elbv2.ListenerCondition[]) =>
  listener.addTargets(id, { port: 8080, priority, conditions, targets: [fleet(listener.stack, id)] });

describe('WellArchitected-FleetServesOneComponent', () => {
  test('fleets each reached by the routes of one component (one path prefix) are compliant', () => {
    const stack = newStack();
    const listener = listenerOf(stack);
    route(listener, 'Video', 10, [elbv2.ListenerCondition.pathPatterns(['/video/*', '/video'])]);
    route(listener, 'Chat', 20, [elbv2.ListenerCondition.pathPatterns(['/chat/*'])]);
    expect(outcomesOf(stack, 'FleetServesOneComponent')).toEqual([
      { outcome: 'compliant', path: 'S/Video/ASG' },
      { outcome: 'compliant', path: 'S/Chat/ASG' },
    ]);
  });

  test('a fleet reached by the routes of two components is one blast radius: not compliant', () => {
    const stack = newStack();
    route(listenerOf(stack), 'Monolith', 10, [elbv2.ListenerCondition.pathPatterns(['/video/*', '/chat/*'])]);
    expect(outcomesOf(stack, 'FleetServesOneComponent')).toEqual([{ outcome: 'nonCompliant', path: 'S/Monolith/ASG' }]);
  });

  test('host headers are components too', () => {
    const stack = newStack();
    route(listenerOf(stack), 'Shared', 10, [elbv2.ListenerCondition.hostHeaders(['shop.example.com', 'admin.example.com'])]);
    expect(outcomesOf(stack, 'FleetServesOneComponent')).toEqual([{ outcome: 'nonCompliant', path: 'S/Shared/ASG' }]);
  });

  test('a fleet behind a catch-all default action, or behind no load balancer, could serve anything: not judged', () => {
    const stack = newStack();
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: vpcOf(stack), internetFacing: true });
    alb.addListener('Http', { port: 80 }).addTargets('All', { port: 8080, targets: [fleet(stack, 'All')] });
    fleet(stack, 'Worker');
    expect(outcomesOf(stack, 'FleetServesOneComponent')).toEqual([]);
  });
});
