import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { multiAzVerdict, zonesOfSubnets } from '../relations/zones';
import { cfnProperties, isType } from '../resources';

const VERDICT = { compliant: NagRuleCompliance.COMPLIANT, nonCompliant: NagRuleCompliance.NON_COMPLIANT, unknown: NagRuleCompliance.NOT_APPLICABLE } as const;

/**
 * A load balancer has nodes in at least two Availability Zones, so a zone outage leaves an entry
 * point. Zones are counted from its subnets' `AvailabilityZone` (two subnets in one zone are one
 * zone); imported subnets whose zones the template does not show leave it undecided.
 */
export function LoadBalancerMultiAz(node: CfnResource): NagRuleResult {
  if (!isType(node, 'AWS::ElasticLoadBalancingV2::LoadBalancer')) return NagRuleCompliance.NOT_APPLICABLE;
  const properties = cfnProperties(node);
  const mappings = ((properties.SubnetMappings ?? []) as Array<{ SubnetId?: unknown }>).map((m) => m.SubnetId);
  const zones = zonesOfSubnets(Stack.of(node), [...((properties.Subnets as unknown[]) ?? []), ...mappings]);
  return VERDICT[multiAzVerdict(zones)];
}
