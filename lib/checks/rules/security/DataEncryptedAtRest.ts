import { CfnResource } from 'aws-cdk-lib';
import { CfnGlobalTable, CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { CfnTopic } from 'aws-cdk-lib/aws-sns';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { resolved } from '../resources';

/**
 * Data stores say how they encrypt at rest, with a key whose use is auditable: S3 buckets with an
 * explicit default encryption, DynamoDB tables with KMS encryption (an AWS managed or customer key,
 * whose use CloudTrail records; the default AWS owned key is not visible to the account), SNS topics
 * with a KMS key. Databases, volumes and queues are judged by cdk-nag's own rules.
 */
export function DataEncryptedAtRest(node: CfnResource): NagRuleResult {
  if (node instanceof CfnBucket) {
    const encryption = resolved(node, node.bucketEncryption) as { serverSideEncryptionConfiguration?: unknown[] } | undefined;
    return (encryption?.serverSideEncryptionConfiguration?.length ?? 0) > 0 ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  }
  if (node instanceof CfnTable || node instanceof CfnGlobalTable) {
    const sse = resolved(node, node.sseSpecification) as { sseEnabled?: boolean } | undefined;
    return sse?.sseEnabled === true ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  }
  if (node instanceof CfnTopic) {
    return resolved(node, node.kmsMasterKeyId) !== undefined ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  }
  return NagRuleCompliance.NOT_APPLICABLE;
}
