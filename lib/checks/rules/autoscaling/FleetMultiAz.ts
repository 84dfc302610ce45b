import { CfnResource } from 'aws-cdk-lib';
import { CfnAutoScalingGroup } from 'aws-cdk-lib/aws-autoscaling';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { longestList } from '../resources';

/** A fleet spans at least two subnets (one per Availability Zone), so losing a zone leaves capacity. */
export function FleetMultiAz(node: CfnResource): NagRuleResult {
  if (!(node instanceof CfnAutoScalingGroup)) return NagRuleCompliance.NOT_APPLICABLE;
  return longestList(node, node.vpcZoneIdentifier, node.availabilityZones) >= 2 ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
