import { CfnResource } from 'aws-cdk-lib';
import { CfnAutoScalingGroup } from 'aws-cdk-lib/aws-autoscaling';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';

/**
 * A fleet takes a new launch template in small batches and waits for each new instance to say it is
 * healthy, so a bad release stops (and rolls back) after one batch instead of replacing every instance.
 */
export function FleetRollingUpdate(node: CfnResource): NagRuleResult {
  if (!(node instanceof CfnAutoScalingGroup)) return NagRuleCompliance.NOT_APPLICABLE;
  const policy = node.cfnOptions.updatePolicy;
  const rolling = policy?.autoScalingRollingUpdate?.waitOnResourceSignals === true;
  const replacing = policy?.autoScalingReplacingUpdate?.willReplace === true && node.cfnOptions.creationPolicy?.resourceSignal !== undefined;
  return rolling || replacing ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
