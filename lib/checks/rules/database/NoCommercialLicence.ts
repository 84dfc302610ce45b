import { CfnResource } from 'aws-cdk-lib';
import { CfnDBCluster, CfnDBInstance } from 'aws-cdk-lib/aws-rds';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { resolved } from '../resources';

/** Engines that carry a commercial database licence, licence included or brought, on RDS or RDS Custom. */
const COMMERCIAL_ENGINES = /^(custom-)?(oracle|sqlserver|db2)/;

/**
 * A relational database runs an engine with no licence fee (Aurora, PostgreSQL, MySQL, MariaDB): a
 * commercial licence is usually the largest line of a database bill, and it is paid per vCPU whether
 * or not the capacity is used. Instances that belong to a cluster are judged through the cluster.
 */
export function NoCommercialLicence(node: CfnResource): NagRuleResult {
  if (node instanceof CfnDBInstance && node.dbClusterIdentifier !== undefined) return NagRuleCompliance.NOT_APPLICABLE;
  if (!(node instanceof CfnDBInstance) && !(node instanceof CfnDBCluster)) return NagRuleCompliance.NOT_APPLICABLE;
  const engine = resolved(node, node.engine);
  if (typeof engine !== 'string') return NagRuleCompliance.NOT_APPLICABLE;
  return COMMERCIAL_ENGINES.test(engine) ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}
