import { Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
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

/** Construct ID of aws-cdk-lib's AwsCustomResource singleton function, one per stack. */
const AWS_CUSTOM_RESOURCE_ID = 'AWS679f53fac002430cb0da5b7982bd2287';

/**
 * Acknowledges the findings on the custom resource aws-cdk-lib uses to let EventBridge write to a log
 * group: CloudWatch Logs resource policies are account-wide objects with no narrower ARN.
 */
export function acknowledgeEventsLogGroupPolicy(stack: Stack, policy: IConstruct): void {
  acknowledge(policy, {
    rule: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'logs:PutResourcePolicy and DeleteResourcePolicy act on account-level resource policies, which have no ARN.',
  });
  const helper = stack.node.tryFindChild(AWS_CUSTOM_RESOURCE_ID);
  if (helper) {
    acknowledge(helper, {
      rule: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'aws-cdk-lib custom-resource helper: the AWS managed policy only lets it write its own logs.',
    });
  }
}
