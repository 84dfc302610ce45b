import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { propertyOf } from '../properties';

/** Resource types that hold the workload's data (database instances in a cluster hold none of their own). */
const STATEFUL_TYPES = new Set([
  'AWS::S3::Bucket',
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::RDS::DBCluster',
  'AWS::RDS::DBInstance',
  'AWS::DocDB::DBCluster',
  'AWS::Neptune::DBCluster',
  'AWS::EFS::FileSystem',
  'AWS::OpenSearchService::Domain',
  'AWS::Kinesis::Stream',
]);

/** Policies that keep the data when CloudFormation deletes or replaces the resource. */
const KEEPS_DATA = new Set(['Retain', 'Snapshot', 'RetainExceptOnCreate']);

/**
 * A change that goes wrong cannot take the data with it: every data store is retained (or
 * snapshotted) both when a stack update replaces it and when it is removed from the stack. With
 * CloudFormation's default (Delete), a renamed construct, a replacement-causing property change or a
 * deleted stack destroys the data, and no rollback brings it back.
 */
export function StatefulDataRetained(node: CfnResource): NagRuleResult {
  if (!STATEFUL_TYPES.has(node.cfnResourceType)) return NagRuleCompliance.NOT_APPLICABLE;
  if (node.cfnResourceType === 'AWS::RDS::DBInstance' && propertyOf(node, 'dbClusterIdentifier') !== undefined) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const { deletionPolicy, updateReplacePolicy } = node.cfnOptions;
  return KEEPS_DATA.has(String(deletionPolicy)) && KEEPS_DATA.has(String(updateReplacePolicy))
    ? NagRuleCompliance.COMPLIANT
    : NagRuleCompliance.NON_COMPLIANT;
}
