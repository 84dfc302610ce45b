import { CfnResource, Stack } from 'aws-cdk-lib';
import { CfnDBCluster as CfnDocDbCluster, CfnDBInstance as CfnDocDbInstance } from 'aws-cdk-lib/aws-docdb';
import { CfnDBCluster, CfnDBInstance } from 'aws-cdk-lib/aws-rds';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { refersTo, resolved, resourcesOfType } from '../resources';

/**
 * A database cluster (Aurora, DocumentDB) has at least two instances, not pinned to one Availability
 * Zone, so a failover has somewhere to go; a cluster with one instance is down until a new one is
 * built. Multi-AZ DB clusters (non-Aurora RDS) are Multi-AZ by construction.
 */
export function DatabaseClusterMultiAz(node: CfnResource): NagRuleResult {
  const stack = Stack.of(node);
  let members: Array<{ zone: unknown }>;
  if (node instanceof CfnDBCluster) {
    if (resolved(node, node.dbClusterInstanceClass) !== undefined) return NagRuleCompliance.COMPLIANT;
    members = (resourcesOfType(stack, CfnDBInstance.CFN_RESOURCE_TYPE_NAME) as CfnDBInstance[])
      .filter((i) => refersTo(i, i.dbClusterIdentifier, node))
      .map((i) => ({ zone: resolved(i, i.availabilityZone) }));
  } else if (node instanceof CfnDocDbCluster) {
    members = (resourcesOfType(stack, CfnDocDbInstance.CFN_RESOURCE_TYPE_NAME) as CfnDocDbInstance[])
      .filter((i) => refersTo(i, i.dbClusterIdentifier, node))
      .map((i) => ({ zone: resolved(i, i.availabilityZone) }));
  } else {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  if (members.length < 2) return NagRuleCompliance.NON_COMPLIANT;
  const pinned = members.map((m) => JSON.stringify(m.zone)).filter((z) => z !== undefined && z !== 'undefined');
  const allInOneZone = pinned.length === members.length && new Set(pinned).size === 1;
  return allInOneZone ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}
