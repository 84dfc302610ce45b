import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { templateEntry } from '../resources';

/** CloudFormation policies under which a deleted database leaves its data behind. */
const KEEPS_DATA = new Set(['Retain', 'RetainExceptOnCreate', 'Snapshot']);

const DATABASES = new Set(['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::DocDB::DBCluster']);

/**
 * A database's data survives its deletion, by a mistaken API call or by a stack change: either
 * deletion protection refuses the delete, or the stack deletes it only after a final snapshot (or
 * keeps it). cdk-nag's RDS10 accepts only the first, though retiring a database on purpose needs the
 * second: a protected instance cannot be deleted, and keeps billing. Instances of a cluster are judged
 * through the cluster.
 */
export function DatabaseSurvivesDelete(node: CfnResource): NagRuleResult {
  if (!DATABASES.has(node.cfnResourceType)) return NagRuleCompliance.NOT_APPLICABLE;
  const { Properties: properties, DeletionPolicy } = templateEntry(node);
  if (node.cfnResourceType === 'AWS::RDS::DBInstance' && properties.DBClusterIdentifier !== undefined) return NagRuleCompliance.NOT_APPLICABLE;
  const protectedFromDelete = properties.DeletionProtection === true || properties.DeletionProtection === 'true';
  const keptByStack = KEEPS_DATA.has(DeletionPolicy ?? 'Delete');
  return protectedFromDelete || keptByStack ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
