import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { field, listField, propertyOf } from '../properties';

/**
 * A global table's capacity follows its load: on-demand, or provisioned with auto scaling on writes
 * and on every replica's reads. Fixed provisioned capacity throttles a peak and pays for idle
 * throughput the rest of the time. (cdk-nag's DynamoDBAutoScalingEnabled judges AWS::DynamoDB::Table;
 * this is its counterpart for AWS::DynamoDB::GlobalTable, which carries its scaling settings inline.)
 */
export function GlobalTableCapacityFollowsLoad(node: CfnResource): NagRuleResult {
  if (node.cfnResourceType !== 'AWS::DynamoDB::GlobalTable') return NagRuleCompliance.NOT_APPLICABLE;
  if (propertyOf(node, 'billingMode') === 'PAY_PER_REQUEST') return NagRuleCompliance.COMPLIANT;
  const writesScale = field(propertyOf(node, 'writeProvisionedThroughputSettings'), 'writeCapacityAutoScalingSettings') !== undefined;
  const replicas = listField({ replicas: propertyOf(node, 'replicas') }, 'replicas');
  const readsScale = replicas.length > 0
    && replicas.every((replica) => field(field(replica, 'readProvisionedThroughputSettings'), 'readCapacityAutoScalingSettings') !== undefined);
  return writesScale && readsScale ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
