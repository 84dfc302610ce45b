import { Stack } from 'aws-cdk-lib';
import { acknowledge } from './acknowledge';

/** Construct ID of aws-cdk-lib's log-retention singleton (`logs.LogRetention`), one per stack. */
const LOG_RETENTION_ID = 'LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a';

/**
 * Acknowledges the findings on aws-cdk-lib's own log-retention function, which services that create
 * their log groups themselves (DocumentDB exports) need so their logs do not live forever.
 */
export function acknowledgeLogRetentionHelper(stack: Stack): void {
  const helper = stack.node.tryFindChild(LOG_RETENTION_ID);
  if (!helper) {
    return;
  }
  acknowledge(
    helper,
    {
      rule: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'aws-cdk-lib log-retention helper: the AWS managed policy only lets it write its own logs.',
    },
    {
      rule: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'aws-cdk-lib log-retention helper: it sets retention on log groups the service names at deploy time.',
    },
  );
}
