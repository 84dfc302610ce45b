import { CfnResource, Stack } from 'aws-cdk-lib';
import { CfnAutoScalingGroup, CfnScalingPolicy, CfnScheduledAction } from 'aws-cdk-lib/aws-autoscaling';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { DECLARED_TAGS, SCHEDULED_EVENTS_DEMAND } from '../declared-tags';
import { refersTo, resolved, resourcesOfType, tagsOf } from '../resources';

/**
 * A fleet whose peaks are known in advance (declared `wa:demand=scheduled-events`) is scaled up before
 * them, by a scheduled action or predictive scaling, instead of hoping reactive scaling keeps up with
 * a crowd that arrives all at once. Fleets that declare no such demand are not judged.
 */
export function FleetPreScaledForKnownPeaks(node: CfnResource): NagRuleResult {
  if (!(node instanceof CfnAutoScalingGroup)) return NagRuleCompliance.NOT_APPLICABLE;
  if (tagsOf(node)[DECLARED_TAGS.demand] !== SCHEDULED_EVENTS_DEMAND) return NagRuleCompliance.NOT_APPLICABLE;
  const stack = Stack.of(node);
  const scheduled = (resourcesOfType(stack, CfnScheduledAction.CFN_RESOURCE_TYPE_NAME) as CfnScheduledAction[]).some((action) =>
    refersTo(action, action.autoScalingGroupName, node),
  );
  const predictive = (resourcesOfType(stack, CfnScalingPolicy.CFN_RESOURCE_TYPE_NAME) as CfnScalingPolicy[]).some(
    (policy) => resolved(policy, policy.policyType) === 'PredictiveScaling' && refersTo(policy, policy.autoScalingGroupName, node),
  );
  return scheduled || predictive ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
