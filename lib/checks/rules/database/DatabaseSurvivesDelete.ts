import { CfnResource } from 'aws-cdk-lib';
import { CfnDBCluster as CfnDocDbCluster } from 'aws-cdk-lib/aws-docdb';
import { CfnDBCluster, CfnDBInstance } from 'aws-cdk-lib/aws-rds';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { resolved } from '../resources';

/** CloudFormation policies under which a deleted database leaves its data behind. */
const KEEPS_DATA = new Set(['Retain', 'RetainExceptOnCreate', 'Snapshot']);

/**
 * A database's data survives its deletion, by a mistaken API call or by a stack change: either
 * deletion protection refuses the delete, or the stack deletes it only after a final snapshot (or
 * keeps it). cdk-nag's RDS10 accepts only the first, though retiring a database on purpose needs the
 * second: a protected instance cannot be deleted, and keeps billing. Instances of a cluster are judged
 * through the cluster.
 */
export function DatabaseSurvivesDelete(node: CfnResource): NagRuleResult {
  if (node instanceof CfnDBInstance && node.dbClusterIdentifier !== undefined) return NagRuleCompliance.NOT_APPLICABLE;
  if (!(node instanceof CfnDBInstance) && !(node instanceof CfnDBCluster) && !(node instanceof CfnDocDbCluster)) return NagRuleCompliance.NOT_APPLICABLE;
  const protectedFromDelete = resolved(node, node.deletionProtection) === true;
  const keptByStack = KEEPS_DATA.has(node.cfnOptions.deletionPolicy ?? 'Delete');
  return protectedFromDelete || keptByStack ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
