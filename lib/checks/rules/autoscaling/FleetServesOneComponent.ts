import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { isType } from '../resources';
import { routesToTargetGroup, targetGroupsOf } from '../relations/routes';

/**
 * A fleet (Auto Scaling group or ECS service) serves one workload component, so one component's
 * failure or load cannot take the others down with it (a bulkhead). What a fleet serves is read from
 * the load balancer routes that reach its target groups: each listener rule's path patterns (first
 * segment: `/video/*` and `/chat/*` are two components) and host headers. A fleet reached by routes
 * of two or more components is one blast radius for all of them. A fleet reached only through a
 * catch-all (a listener's default action) or not through a load balancer at all could serve anything,
 * which the template cannot show: it is not judged, so this rule is positive evidence there.
 */
export function FleetServesOneComponent(node: CfnResource): NagRuleResult {
  if (!isType(node, 'AWS::AutoScaling::AutoScalingGroup', 'AWS::ECS::Service')) return NagRuleCompliance.NOT_APPLICABLE;
  const stack = Stack.of(node);
  const components = new Set<string>();
  let catchAll = false;
  for (const id of targetGroupsOf(node)) {
    const routes = routesToTargetGroup(stack, id);
    routes.components.forEach((c) => components.add(c));
    catchAll ||= routes.catchAll;
  }
  if (components.size >= 2) return NagRuleCompliance.NON_COMPLIANT;
  if (components.size === 1 && !catchAll) return NagRuleCompliance.COMPLIANT;
  return NagRuleCompliance.NOT_APPLICABLE;
}
