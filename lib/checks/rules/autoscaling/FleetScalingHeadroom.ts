import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleResult } from 'cdk-nag';
import { cfnProperties, isType, logicalIdOf, referencedIds, resourcesOfType } from '../resources';
import { NagRuleCompliance } from 'cdk-nag';

/** How far above its floor a fleet must be allowed to grow: room for demand to at least double. */
export const HEADROOM_FACTOR = 2;

/**
 * A fleet can grow well past its floor, and a scaling policy grows it: `MaxBelowTwiceMin` when the
 * ceiling leaves no room for demand to double, `NoScalingPolicy` when nothing adjusts capacity.
 */
export function FleetScalingHeadroom(node: CfnResource): NagRuleResult {
  if (!isType(node, 'AWS::AutoScaling::AutoScalingGroup')) return NagRuleCompliance.NOT_APPLICABLE;
  const properties = cfnProperties(node);
  const min = Number(properties.MinSize);
  const max = Number(properties.MaxSize);
  // Sizes from parameters or other resources are decided at deploy time.
  if (!Number.isFinite(min) || !Number.isFinite(max)) return NagRuleCompliance.NOT_APPLICABLE;
  const findings: string[] = [];
  if (max < HEADROOM_FACTOR * Math.max(min, 1)) findings.push('MaxBelowTwiceMin');
  const id = logicalIdOf(node);
  if (!resourcesOfType(Stack.of(node), 'AWS::AutoScaling::ScalingPolicy').some((p) => referencedIds(cfnProperties(p).AutoScalingGroupName).has(id))) {
    findings.push('NoScalingPolicy');
  }
  return findings;
}
