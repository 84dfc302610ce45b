import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { cfnProperties, isType, logicalIdOf, referencedIds, resourcesOfType } from '../resources';

/** Whether a web ACL's rules include a rate-based rule (the statement AWS WAF throttles clients with). */
function hasRateBasedRule(acl: CfnResource): boolean {
  return ((cfnProperties(acl).Rules ?? []) as Array<{ Statement?: Record<string, unknown> }>).some((r) => r.Statement?.RateBasedStatement !== undefined);
}

/**
 * An internet-facing Application Load Balancer throttles requests before they reach the fleet: an AWS
 * WAF web ACL with a rate-based rule is associated with it, so a surge from a few clients (or a retry
 * storm) is answered with 403s at the edge instead of exhausting the instances behind it. A load
 * balancer cannot throttle by itself; a web ACL without a rate-based rule filters but does not throttle.
 * A web ACL from outside the stack, whose rules the template does not show, leaves it undecided.
 * API Gateway stages are judged by their own throttling settings (APIGWDefaultThrottling).
 */
export function LoadBalancerThrottled(node: CfnResource): NagRuleResult {
  if (!isType(node, 'AWS::ElasticLoadBalancingV2::LoadBalancer')) return NagRuleCompliance.NOT_APPLICABLE;
  const properties = cfnProperties(node);
  if (properties.Scheme === 'internal' || (properties.Type !== undefined && properties.Type !== 'application')) return NagRuleCompliance.NOT_APPLICABLE;
  const stack = Stack.of(node);
  const id = logicalIdOf(node);
  const acls = new Map(resourcesOfType(stack, 'AWS::WAFv2::WebACL').map((acl) => [logicalIdOf(acl), acl] as const));
  const associated = resourcesOfType(stack, 'AWS::WAFv2::WebACLAssociation')
    .map(cfnProperties)
    .filter((a) => referencedIds(a.ResourceArn).has(id));
  if (associated.length === 0) return NagRuleCompliance.NON_COMPLIANT;
  const inStack = associated.flatMap((a) => [...referencedIds(a.WebACLArn)].filter((aclId) => acls.has(aclId)).map((aclId) => acls.get(aclId)!));
  if (inStack.length === 0) return NagRuleCompliance.NOT_APPLICABLE;
  return inStack.some(hasRateBasedRule) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
