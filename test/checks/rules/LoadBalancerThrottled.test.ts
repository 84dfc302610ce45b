import { Stack } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { newStack, outcomesOf, vpcOf } from './support';

const visibility = { cloudWatchMetricsEnabled: true, metricName: 'acl', sampledRequestsEnabled: true };

function alb(stack: Stack, id = 'Alb', internetFacing = true): elbv2.ApplicationLoadBalancer {
  return new elbv2.ApplicationLoadBalancer(stack, id, { vpc: vpcOf(stack), internetFacing });
}

function protect(stack: Stack, lb: elbv2.ApplicationLoadBalancer, rules: wafv2.CfnWebACL.RuleProperty[]): void {
  const acl = new wafv2.CfnWebACL(stack, `${lb.node.id}Acl`, { scope: 'REGIONAL', defaultAction: { allow: {} }, visibilityConfig: visibility, rules });
  new wafv2.CfnWebACLAssociation(stack, `${lb.node.id}Association`, { resourceArn: lb.loadBalancerArn, webAclArn: acl.attrArn });
}

const rateLimit: wafv2.CfnWebACL.RuleProperty = {
  name: 'PerClient', priority: 0, action: { block: {} }, visibilityConfig: visibility,
  statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: 'IP' } },
};
const managedRules: wafv2.CfnWebACL.RuleProperty = {
  name: 'Common', priority: 1, overrideAction: { none: {} }, visibilityConfig: visibility,
  statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesCommonRuleSet' } },
};

describe('WellArchitected-LoadBalancerThrottled', () => {
  test('an internet-facing load balancer behind a web ACL with a rate-based rule is compliant', () => {
    const stack = newStack();
    protect(stack, alb(stack), [rateLimit, managedRules]);
    expect(outcomesOf(stack, 'LoadBalancerThrottled')).toEqual([{ outcome: 'compliant', path: 'S/Alb/Resource' }]);
  });

  test('no web ACL, or one that filters but has no rate-based rule, throttles nothing: not compliant', () => {
    const stack = newStack();
    alb(stack, 'Open');
    protect(stack, alb(stack, 'Filtered'), [managedRules]);
    expect(outcomesOf(stack, 'LoadBalancerThrottled')).toEqual([
      { outcome: 'nonCompliant', path: 'S/Open/Resource' },
      { outcome: 'nonCompliant', path: 'S/Filtered/Resource' },
    ]);
  });

  test('internal load balancers, and a web ACL from outside the stack, are not judged', () => {
    const stack = newStack();
    alb(stack, 'Internal', false);
    const shared = alb(stack, 'Shared');
    new wafv2.CfnWebACLAssociation(stack, 'SharedAssociation', {
      resourceArn: shared.loadBalancerArn,
      webAclArn: 'arn:aws:wafv2:us-east-1:111122223333:regional/webacl/central/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
    });
    expect(outcomesOf(stack, 'LoadBalancerThrottled')).toEqual([]);
  });
});
