import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { cfnProperties, isType } from '../resources';

/** Engines that carry a commercial database licence, licence included or brought, on RDS or RDS Custom. */
const COMMERCIAL_ENGINES = /^(custom-)?(oracle|sqlserver|db2)/;

/**
 * A relational database runs an engine with no licence fee (Aurora, PostgreSQL, MySQL, MariaDB): a
 * commercial licence is usually the largest line of a database bill, and it is paid per vCPU whether
 * or not the capacity is used. Instances that belong to a cluster are judged through the cluster.
 */
export function NoCommercialLicence(node: CfnResource): NagRuleResult {
  if (!isType(node, 'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster')) return NagRuleCompliance.NOT_APPLICABLE;
  const properties = cfnProperties(node);
  if (node.cfnResourceType === 'AWS::RDS::DBInstance' && properties.DBClusterIdentifier !== undefined) return NagRuleCompliance.NOT_APPLICABLE;
  const engine = properties.Engine;
  if (typeof engine !== 'string') return NagRuleCompliance.NOT_APPLICABLE;
  return COMMERCIAL_ENGINES.test(engine) ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}
