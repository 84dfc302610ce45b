import { CfnResource } from 'aws-cdk-lib';
import { CfnAutoScalingGroup } from 'aws-cdk-lib/aws-autoscaling';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { resolved } from '../resources';

/** A fleet spans at least two subnets (one per Availability Zone), so losing a zone leaves capacity. */
export function FleetMultiAz(node: CfnResource): NagRuleResult {
  if (!(node instanceof CfnAutoScalingGroup)) return NagRuleCompliance.NOT_APPLICABLE;
  const subnets = resolved(node, node.vpcZoneIdentifier);
  const zones = resolved(node, node.availabilityZones);
  const spread = Math.max(Array.isArray(subnets) ? subnets.length : 0, Array.isArray(zones) ? zones.length : 0);
  return spread >= 2 ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
