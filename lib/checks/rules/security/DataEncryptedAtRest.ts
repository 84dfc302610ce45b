import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { cfnProperties } from '../resources';

/**
 * Whether each kind of store keeps its data encrypted at rest, given its CloudFormation properties.
 *
 * One principle for every store: data counts as encrypted at rest when the service encrypts it,
 * whoever owns the key (an AWS owned key, an AWS managed key or a customer managed key). That is
 * what SEC08-BP02 "Enforce encryption at rest" asks. Who controls and audits the key is SEC08-BP01's
 * question (key management) and is not judged here. So S3 (SSE-S3 on every new object since January
 * 2023, whatever the template says) and DynamoDB (an AWS owned key unless told otherwise) are always
 * encrypted; SNS encrypts only with a KMS key. Queues are judged by cdk-nag's SQS2 (same principle: SSE-SQS counts).
 */
const ENCRYPTED: Record<string, (p: Record<string, any>) => boolean> = {
  'AWS::S3::Bucket': () => true,
  'AWS::DynamoDB::Table': () => true,
  'AWS::DynamoDB::GlobalTable': () => true,
  'AWS::SNS::Topic': (p) => p.KmsMasterKeyId !== undefined && p.KmsMasterKeyId !== '',
};

/**
 * Object, table and topic stores encrypt their data at rest (databases, volumes, queues and log
 * groups are judged by cdk-nag's own rules). See {@link ENCRYPTED} for the principle applied to every store.
 */
export function DataEncryptedAtRest(node: CfnResource): NagRuleResult {
  const encrypted = ENCRYPTED[node.cfnResourceType];
  if (!encrypted) return NagRuleCompliance.NOT_APPLICABLE;
  return encrypted(cfnProperties(node)) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
