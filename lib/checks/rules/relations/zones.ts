import { CfnResource, Stack } from 'aws-cdk-lib';
import { cfnProperties, logicalIdOf, referencedIds, resourcesOfType } from '../resources';

/** The Availability Zones a set of subnets spans, as far as the template shows them. */
export interface Zones {
  /** Distinct zones: a literal name (`eu-west-1a`), or `Fn::Select` index N of `Fn::GetAZs` (two indices are two zones). */
  readonly known: ReadonlySet<string>;
  /** Subnets whose zone the template does not show (imported by ID): each may or may not add a zone. */
  readonly unknown: number;
}

/** A zone as a comparable key: literal names as they are, `Fn::Select [i, Fn::GetAZs r]` as the index and region expression. */
export function zoneKey(zone: unknown): string | undefined {
  if (typeof zone === 'string') return zone;
  const select = (zone as { 'Fn::Select'?: [unknown, unknown] } | undefined)?.['Fn::Select'];
  if (Array.isArray(select) && typeof select[0] !== 'object') return `az#${String(select[0])} of ${JSON.stringify(select[1])}`;
  return undefined;
}

/** The zones of the subnets a resolved value refers to; literal subnet IDs (imported subnets) count as unknown. */
export function zonesOfSubnets(stack: Stack, subnetRefs: unknown): Zones {
  const subnets = new Map(resourcesOfType(stack, 'AWS::EC2::Subnet').map((s) => [logicalIdOf(s), s] as const));
  const known = new Set<string>();
  let unknown = 0;
  const entries = Array.isArray(subnetRefs) ? subnetRefs : subnetRefs === undefined ? [] : [subnetRefs];
  for (const entry of entries) {
    const ids = [...referencedIds(entry)].filter((id) => subnets.has(id));
    if (ids.length === 0) {
      unknown++;
      continue;
    }
    for (const id of ids) {
      const key = zoneKey(cfnProperties(subnets.get(id)!).AvailabilityZone);
      if (key === undefined) unknown++;
      else known.add(key);
    }
  }
  return { known, unknown };
}

/** Zones listed directly (an Auto Scaling group's `AvailabilityZones`): literals, `Fn::Select`s, or all of `Fn::GetAZs` (unknown count). */
export function zonesListed(value: unknown): Zones {
  if (value === undefined) return { known: new Set(), unknown: 0 };
  if (!Array.isArray(value)) return { known: new Set(), unknown: 2 }; // Fn::GetAZs: every zone of the region, at least two in every region
  const known = new Set<string>();
  let unknown = 0;
  for (const zone of value) {
    const key = zoneKey(zone);
    if (key === undefined) unknown++;
    else known.add(key);
  }
  return { known, unknown };
}

/** Compliant with two zones or more, non-compliant when even every unknown subnet in its own zone could not make two, else undecidable. */
export function multiAzVerdict(zones: Zones): 'compliant' | 'nonCompliant' | 'unknown' {
  if (zones.known.size >= 2) return 'compliant';
  if (zones.known.size + zones.unknown < 2) return 'nonCompliant';
  return 'unknown';
}

/** The subnets of a DB subnet group (RDS or DocumentDB) a cluster or instance names, if it is in the stack. */
export function dbSubnetGroupZones(node: CfnResource, groupName: unknown): Zones | undefined {
  const stack = Stack.of(node);
  const ids = referencedIds(groupName);
  const group = [...resourcesOfType(stack, 'AWS::RDS::DBSubnetGroup'), ...resourcesOfType(stack, 'AWS::DocDB::DBSubnetGroup')].find((g) => ids.has(logicalIdOf(g)));
  return group ? zonesOfSubnets(stack, cfnProperties(group).SubnetIds) : undefined;
}
