import { Duration } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { fleet, newStack, outcomesOf, vpcOf } from './support';

describe('WellArchitected-TargetsStateless', () => {
  test('a target group without sticky sessions is compliant, one with them is not', () => {
    const stack = newStack();
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: vpcOf(stack), internetFacing: true });
    const http = alb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(404) });
    http.addTargets('Api', { port: 8080, targets: [fleet(stack, 'Api')], priority: 10, conditions: [elbv2.ListenerCondition.pathPatterns(['/api/*'])] });
    http.addTargets('Chat', {
      port: 8080, targets: [fleet(stack, 'Chat')], priority: 20, conditions: [elbv2.ListenerCondition.pathPatterns(['/chat/*'])],
      stickinessCookieDuration: Duration.hours(1),
    });
    expect(outcomesOf(stack, 'TargetsStateless')).toEqual([
      { outcome: 'compliant', path: 'S/Alb/Http/ApiGroup/Resource' },
      { outcome: 'nonCompliant', path: 'S/Alb/Http/ChatGroup/Resource' },
    ]);
  });
});
