import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { cfnProperties, isType, logicalIdOf, referencedIds, resourcesOfType } from '../resources';

/**
 * Positive evidence only: a fleet is scaled up ahead of demand it knows is coming, by a scheduled
 * action or predictive scaling, instead of hoping reactive scaling keeps up with a crowd that arrives
 * all at once. Whether a workload's peaks are known in advance is business knowledge no template
 * holds, so a fleet without either is not judged (rather than failed for a peak it may not have).
 */
export function FleetPreScaledForKnownPeaks(node: CfnResource): NagRuleResult {
  if (!isType(node, 'AWS::AutoScaling::AutoScalingGroup')) return NagRuleCompliance.NOT_APPLICABLE;
  const stack = Stack.of(node);
  const id = logicalIdOf(node);
  const targets = (r: CfnResource) => referencedIds(cfnProperties(r).AutoScalingGroupName).has(id);
  const scheduled = resourcesOfType(stack, 'AWS::AutoScaling::ScheduledAction').some(targets);
  const predictive = resourcesOfType(stack, 'AWS::AutoScaling::ScalingPolicy').some((p) => cfnProperties(p).PolicyType === 'PredictiveScaling' && targets(p));
  return scheduled || predictive ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NOT_APPLICABLE;
}
