import { CfnResource } from 'aws-cdk-lib';
import { CfnDBCluster as CfnDocDbCluster } from 'aws-cdk-lib/aws-docdb';
import { CfnDBCluster, CfnDBInstance } from 'aws-cdk-lib/aws-rds';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { resolved } from '../resources';

/**
 * Database storage grows as data arrives instead of being bought up front: RDS storage autoscaling
 * (a `MaxAllocatedStorage` above `AllocatedStorage`), or a cluster volume (Aurora, DocumentDB) that
 * grows and bills by use. Provisioned storage is billed in full from day one, and twice with Multi-AZ.
 */
export function StorageGrowsWithUse(node: CfnResource): NagRuleResult {
  if (node instanceof CfnDocDbCluster) return NagRuleCompliance.COMPLIANT;
  if (node instanceof CfnDBCluster) {
    // Multi-AZ DB clusters (non-Aurora) provision storage like instances do.
    return resolved(node, node.allocatedStorage) === undefined ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  }
  if (!(node instanceof CfnDBInstance) || node.dbClusterIdentifier !== undefined) return NagRuleCompliance.NOT_APPLICABLE;
  const allocated = Number(resolved(node, node.allocatedStorage));
  const ceiling = Number(resolved(node, node.maxAllocatedStorage));
  return Number.isFinite(ceiling) && ceiling > allocated ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
