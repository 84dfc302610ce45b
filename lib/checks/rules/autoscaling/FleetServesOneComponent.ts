import { CfnResource } from 'aws-cdk-lib';
import { CfnAutoScalingGroup } from 'aws-cdk-lib/aws-autoscaling';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { DECLARED_TAGS } from '../declared-tags';
import { tagList } from '../resources';

/**
 * A fleet serves one workload component, so one component's failure or load cannot take the others
 * down with it (a bulkhead). Fleets that declare no components are not judged.
 */
export function FleetServesOneComponent(node: CfnResource): NagRuleResult {
  if (!(node instanceof CfnAutoScalingGroup)) return NagRuleCompliance.NOT_APPLICABLE;
  const components = tagList(node, DECLARED_TAGS.component);
  if (components.length === 0) return NagRuleCompliance.NOT_APPLICABLE;
  return components.length === 1 ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
