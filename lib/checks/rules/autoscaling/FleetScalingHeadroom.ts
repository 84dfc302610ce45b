import { CfnResource, Stack } from 'aws-cdk-lib';
import { CfnAutoScalingGroup, CfnScalingPolicy } from 'aws-cdk-lib/aws-autoscaling';
import { NagRuleCompliance, NagRuleResult, NagRules } from 'cdk-nag';
import { refersTo, resourcesOfType } from '../resources';

/** How far above its floor a fleet must be allowed to grow: room for demand to at least double. */
export const HEADROOM_FACTOR = 2;

/**
 * A fleet can grow well past its floor, and a scaling policy grows it: `MaxBelowTwiceMin` when the
 * ceiling leaves no room for demand to double, `NoScalingPolicy` when nothing adjusts capacity.
 */
export function FleetScalingHeadroom(node: CfnResource): NagRuleResult {
  if (!(node instanceof CfnAutoScalingGroup)) return NagRuleCompliance.NOT_APPLICABLE;
  const min = Number(NagRules.resolveIfPrimitive(node, node.minSize));
  const max = Number(NagRules.resolveIfPrimitive(node, node.maxSize));
  const findings: string[] = [];
  if (max < HEADROOM_FACTOR * Math.max(min, 1)) findings.push('MaxBelowTwiceMin');
  const policies = resourcesOfType(Stack.of(node), CfnScalingPolicy.CFN_RESOURCE_TYPE_NAME) as CfnScalingPolicy[];
  if (!policies.some((policy) => refersTo(policy, policy.autoScalingGroupName, node))) findings.push('NoScalingPolicy');
  return findings;
}
