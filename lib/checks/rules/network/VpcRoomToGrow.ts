import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { propertyOf } from '../properties';
import { logicalIdOf, referencedIds, resourcesOfType } from '../resources';

/** Addresses in an IPv4 CIDR block, or undefined when the block is not a literal. */
function addresses(cidr: unknown): number | undefined {
  const match = typeof cidr === 'string' ? /\/(\d{1,2})$/.exec(cidr) : null;
  return match ? 2 ** (32 - Number(match[1])) : undefined;
}

/**
 * A VPC's subnets span at least two Availability Zones and leave part of its address space
 * unallocated, so the workload can add capacity, a zone or a tier without renumbering. A VPC whose
 * subnets sit in one zone, or use every address, cannot. VPCs with computed CIDRs (IPAM) or with
 * subnets defined elsewhere are not judged.
 */
export function VpcRoomToGrow(node: CfnResource): NagRuleResult {
  if (node.cfnResourceType !== 'AWS::EC2::VPC') return NagRuleCompliance.NOT_APPLICABLE;
  const size = addresses(propertyOf(node, 'cidrBlock'));
  const id = logicalIdOf(node);
  const subnets = resourcesOfType(Stack.of(node), 'AWS::EC2::Subnet').filter((s) => referencedIds(propertyOf(s, 'vpcId')).has(id));
  if (size === undefined || subnets.length === 0) return NagRuleCompliance.NOT_APPLICABLE;
  const sizes = subnets.map((s) => addresses(propertyOf(s, 'cidrBlock')));
  if (sizes.some((n) => n === undefined)) return NagRuleCompliance.NOT_APPLICABLE;
  const zones = new Set(subnets.map((s) => JSON.stringify(propertyOf(s, 'availabilityZone') ?? propertyOf(s, 'availabilityZoneId'))));
  const allocated = (sizes as number[]).reduce((a, b) => a + b, 0);
  return zones.size >= 2 && allocated < size ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
