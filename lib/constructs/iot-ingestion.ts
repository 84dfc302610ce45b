import { Aws, Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as iot from 'aws-cdk-lib/aws-iot';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from '../checks/acknowledge';
import { ARCHIVE_PREFIX } from '../runtime/telemetry/archive-format';
import { Alerts } from './alerts';
import { deadLetterQueue } from './dead-letter-queue';
import { nodeFunction } from './node-function';
import { RealtimeReadings } from './realtime-readings';

/** Properties of {@link IotIngestion}. */
export interface IotIngestionProps {
  readonly readings: RealtimeReadings;
  /** Where the stream archiver writes the history. */
  readonly archive: s3.IBucket;
  readonly alerts: Alerts;
}

/**
 * Devices publish to AWS IoT Core on `telemetry/<thing name>/data`; a topic rule invokes one Lambda
 * function per message, which writes the real-time table; the table's stream feeds the S3 archive.
 * Every path that can fail ends in a dead-letter queue.
 */
export class IotIngestion extends Construct {
  public readonly ingest: lambda.Function;
  public readonly rule: iot.CfnTopicRule;
  /** What a device's certificate is allowed; the device fleet attaches it to every registered device. */
  public readonly devicePolicy: iot.CfnPolicy;

  constructor(scope: Construct, id: string, props: IotIngestionProps) {
    super(scope, id);
    const { table } = props.readings;

    const failedEvents = deadLetterQueue(this, 'FailedEvents', props.alerts, 'A telemetry event the ingest function could not store');
    this.ingest = nodeFunction(this, 'Ingest', {
      entry: 'lib/runtime/telemetry-lambda/ingest.ts',
      environment: { TABLE_NAME: table.tableName, HOT_WINDOW_DAYS: String(props.readings.hotWindowDays) },
      timeout: Duration.seconds(10),
    });
    // The rule invokes asynchronously: retries and the final failure are the function's, not the rule's.
    this.ingest.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(1),
      onFailure: new destinations.SqsDestination(failedEvents),
    });
    table.grant(this.ingest, 'dynamodb:PutItem');

    const undeliverable = deadLetterQueue(this, 'RuleErrors', props.alerts, 'A telemetry message IoT Core could not hand to the ingest function');
    const ruleRole = new iam.Role(this, 'RuleErrorRole', { assumedBy: new iam.ServicePrincipal('iot.amazonaws.com') });
    undeliverable.grantSendMessages(ruleRole);
    this.rule = new iot.CfnTopicRule(this, 'Rule', {
      topicRulePayload: {
        description: 'One ingest invocation per telemetry message; the device id comes from the authenticated topic',
        sql: "SELECT *, topic(2) AS topicDeviceId, timestamp() AS receivedAt FROM 'telemetry/+/data'",
        awsIotSqlVersion: '2016-03-23',
        ruleDisabled: false,
        actions: [{ lambda: { functionArn: this.ingest.functionArn } }],
        errorAction: { sqs: { queueUrl: undeliverable.queueUrl, roleArn: ruleRole.roleArn, useBase64: false } },
      },
    });
    this.ingest.addPermission('IotRuleInvoke', {
      principal: new iam.ServicePrincipal('iot.amazonaws.com'),
      sourceArn: this.rule.attrArn,
      sourceAccount: Aws.ACCOUNT_ID,
    });

    // Devices may only connect as their thing name and publish to their own topic, so the topic's
    // device id is authenticated and the payload cannot speak for another device.
    this.devicePolicy = new iot.CfnPolicy(this, 'DevicePolicy', {
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 'iot:Connect',
            Resource: `arn:${Aws.PARTITION}:iot:${Aws.REGION}:${Aws.ACCOUNT_ID}:client/\${iot:Connection.Thing.ThingName}`,
          },
          {
            Effect: 'Allow',
            Action: 'iot:Publish',
            Resource: `arn:${Aws.PARTITION}:iot:${Aws.REGION}:${Aws.ACCOUNT_ID}:topic/telemetry/\${iot:Connection.Thing.ThingName}/data`,
          },
        ],
      },
    });

    const failedBatches = deadLetterQueue(this, 'FailedArchiveBatches', props.alerts, 'A stream batch the archiver could not write');
    const archiver = nodeFunction(this, 'StreamArchiver', {
      entry: 'lib/runtime/telemetry-lambda/stream-archiver.ts',
      environment: { ARCHIVE_BUCKET: props.archive.bucketName },
      timeout: Duration.minutes(2),
      memorySize: 512,
    });
    // The same batch is retried as a whole (no bisecting), so the archiver's deterministic object
    // names make a retry overwrite, never duplicate.
    archiver.addEventSource(
      new sources.DynamoEventSource(table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 1000,
        maxBatchingWindow: Duration.seconds(60),
        bisectBatchOnError: false,
        retryAttempts: 10,
        onFailure: new sources.SqsDlq(failedBatches),
        filters: [lambda.FilterCriteria.filter({ eventName: lambda.FilterRule.or('INSERT', 'MODIFY') })],
      }),
    );
    props.archive.grantPut(archiver, `${ARCHIVE_PREFIX}*`);

    props.alerts.alarm(this, 'IngestErrors', {
      description: 'More than 1% of telemetry events fail in the ingest function (they are retried, then dead-lettered)',
      metric: new cloudwatch.MathExpression({
        expression: '100 * errors / MAX([invocations, 1])',
        usingMetrics: { errors: this.ingest.metricErrors(), invocations: this.ingest.metricInvocations() },
        period: Duration.minutes(5),
      }),
      threshold: 1,
    });
    props.alerts.alarm(this, 'RuleFailures', {
      description: 'IoT Core fails to invoke the ingest function for telemetry messages',
      metric: new cloudwatch.Metric({
        namespace: 'AWS/IoT',
        metricName: 'Failure',
        dimensionsMap: { RuleName: this.rule.ref, ActionType: 'Lambda' },
        statistic: 'Sum',
        period: Duration.minutes(5),
      }),
      threshold: 0,
      evaluationPeriods: 1,
    });
    props.alerts.alarm(this, 'ArchiveFallingBehind', {
      description: 'The stream archiver is more than 15 minutes behind the real-time table',
      metric: archiver.metric('IteratorAge', { statistic: 'Maximum', period: Duration.minutes(5) }),
      threshold: 15 * 60 * 1000,
    });
    props.alerts.alarm(this, 'ArchiverErrors', {
      description: 'The stream archiver fails on batches (they are retried, then dead-lettered)',
      metric: archiver.metricErrors({ period: Duration.minutes(5) }),
      threshold: 0,
    });

    const stack = Stack.of(this);
    const logicalId = (c: Construct) => stack.getLogicalId(c.node.defaultChild as never);
    acknowledge(archiver, {
      rule: `AwsSolutions-IAM5[Resource::<${logicalId(props.archive)}.Arn>/${ARCHIVE_PREFIX}*]`,
      reason: 'The archiver writes new objects under the archive prefix only; object names are per day and batch.',
    });
    acknowledge(archiver, {
      rule: 'AwsSolutions-IAM5[Action::s3:Abort*]',
      reason: 'Part of the put grant: lets a failed multipart upload of an archive object be aborted.',
    });
  }
}
