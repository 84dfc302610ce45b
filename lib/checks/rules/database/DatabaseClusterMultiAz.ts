import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { dbSubnetGroupZones, zoneKey } from '../relations/zones';
import { cfnProperties, isType, logicalIdOf, referencedIds, resourcesOfType } from '../resources';

const MEMBER_TYPE: Record<string, string> = {
  'AWS::RDS::DBCluster': 'AWS::RDS::DBInstance',
  'AWS::DocDB::DBCluster': 'AWS::DocDB::DBInstance',
};

/**
 * A database cluster (Aurora, DocumentDB) has at least two instances in at least two Availability
 * Zones, so a failover has somewhere to go. Zones are read where the template shows them: instances
 * pinned to zones must name two, and the cluster's subnet group (which bounds where unpinned instances
 * can go) must span two. Multi-AZ DB clusters (non-Aurora RDS, with a `DBClusterInstanceClass`) are
 * judged by their subnet group alone: AWS places their three instances in three zones.
 */
export function DatabaseClusterMultiAz(node: CfnResource): NagRuleResult {
  const memberType = MEMBER_TYPE[node.cfnResourceType];
  if (!memberType) return NagRuleCompliance.NOT_APPLICABLE;
  const properties = cfnProperties(node);
  const groupZones = dbSubnetGroupZones(node, properties.DBSubnetGroupName);
  if (groupZones && groupZones.known.size + groupZones.unknown < 2) return NagRuleCompliance.NON_COMPLIANT;
  if (isType(node, 'AWS::RDS::DBCluster') && properties.DBClusterInstanceClass !== undefined) return NagRuleCompliance.COMPLIANT;
  const id = logicalIdOf(node);
  const members = resourcesOfType(Stack.of(node), memberType).filter((i) => referencedIds(cfnProperties(i).DBClusterIdentifier).has(id));
  if (members.length < 2) return NagRuleCompliance.NON_COMPLIANT;
  const pinned = members.map((m) => zoneKey(cfnProperties(m).AvailabilityZone));
  const allPinned = pinned.every((z) => z !== undefined);
  if (allPinned && new Set(pinned).size < 2) return NagRuleCompliance.NON_COMPLIANT;
  return NagRuleCompliance.COMPLIANT;
}
