import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { isType, templateEntry } from '../resources';

/**
 * A fleet takes a new launch template in small batches and waits for each new instance to say it is
 * healthy, so a bad release stops (and rolls back) after one batch instead of replacing every instance.
 */
export function FleetRollingUpdate(node: CfnResource): NagRuleResult {
  if (!isType(node, 'AWS::AutoScaling::AutoScalingGroup')) return NagRuleCompliance.NOT_APPLICABLE;
  const { UpdatePolicy: policy, CreationPolicy: creation } = templateEntry(node);
  const signalled = (value: unknown) => value === true || value === 'true';
  const rolling = signalled(policy?.AutoScalingRollingUpdate?.WaitOnResourceSignals);
  const replacing = signalled(policy?.AutoScalingReplacingUpdate?.WillReplace) && creation?.ResourceSignal !== undefined;
  return rolling || replacing ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
