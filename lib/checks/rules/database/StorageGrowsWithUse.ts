import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { cfnProperties } from '../resources';

/** The resource types this rule judges; any other is not applicable before its properties are rendered. */
const JUDGED_TYPES: ReadonlySet<string> = new Set(['AWS::DocDB::DBCluster', 'AWS::RDS::DBCluster', 'AWS::RDS::DBInstance']);

/**
 * Database storage grows as data arrives instead of being bought up front: RDS storage autoscaling
 * (a `MaxAllocatedStorage` above `AllocatedStorage`), or a cluster volume (Aurora, DocumentDB) that
 * grows and bills by use. Provisioned storage is billed in full from day one, and twice with Multi-AZ.
 */
export function StorageGrowsWithUse(node: CfnResource): NagRuleResult {
  if (!JUDGED_TYPES.has(node.cfnResourceType)) return NagRuleCompliance.NOT_APPLICABLE;
  const properties = cfnProperties(node);
  switch (node.cfnResourceType) {
    case 'AWS::DocDB::DBCluster':
      return NagRuleCompliance.COMPLIANT;
    case 'AWS::RDS::DBCluster':
      // Multi-AZ DB clusters (non-Aurora) provision storage like instances do.
      return properties.AllocatedStorage === undefined ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
    case 'AWS::RDS::DBInstance': {
      if (properties.DBClusterIdentifier !== undefined) return NagRuleCompliance.NOT_APPLICABLE;
      const allocated = Number(properties.AllocatedStorage);
      const ceiling = Number(properties.MaxAllocatedStorage);
      return Number.isFinite(ceiling) && ceiling > allocated ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
    }
    default:
      return NagRuleCompliance.NOT_APPLICABLE;
  }
}
