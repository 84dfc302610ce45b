import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { multiAzVerdict, zonesListed, zonesOfSubnets } from '../relations/zones';
import { cfnProperties, isType } from '../resources';

/**
 * A fleet spans at least two Availability Zones, so losing a zone leaves capacity. Zones are counted,
 * not subnets: each subnet's `AvailabilityZone` is read from the template (a literal name, or an index
 * into `Fn::GetAZs`), so two subnets in one zone are one zone. A fleet in imported subnets whose zones
 * the template does not show is not judged unless it has a single subnet.
 */
export function FleetMultiAz(node: CfnResource): NagRuleResult {
  if (!isType(node, 'AWS::AutoScaling::AutoScalingGroup')) return NagRuleCompliance.NOT_APPLICABLE;
  const properties = cfnProperties(node);
  const zones = properties.VPCZoneIdentifier !== undefined ? zonesOfSubnets(Stack.of(node), properties.VPCZoneIdentifier) : zonesListed(properties.AvailabilityZones);
  return VERDICT[multiAzVerdict(zones)];
}

const VERDICT = { compliant: NagRuleCompliance.COMPLIANT, nonCompliant: NagRuleCompliance.NON_COMPLIANT, unknown: NagRuleCompliance.NOT_APPLICABLE } as const;
