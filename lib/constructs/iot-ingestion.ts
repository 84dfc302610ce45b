import { Aws, Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as iot from 'aws-cdk-lib/aws-iot';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as firehose from 'aws-cdk-lib/aws-kinesisfirehose';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import { Construct } from 'constructs';
import { Alerts } from './alerts';
import { deadLetterQueue } from './dead-letter-queue';
import { LiveAlias } from './live-alias';
import { nodeFunction } from './node-function';
import { RealtimeReadings } from './realtime-readings';

/** Properties of {@link IotIngestion}. */
export interface IotIngestionProps {
  readonly readings: RealtimeReadings;
  /** The stream that writes every message's rows to the archive (see ArchiveDelivery). */
  readonly archive: firehose.IDeliveryStream;
  readonly alerts: Alerts;
}

/**
 * Devices publish to AWS IoT Core on `telemetry/<thing name>/data`; a topic rule invokes one Lambda
 * function per message, which writes the real-time table, and hands the same message to the archive's
 * Firehose stream. Every path that can fail ends in a dead-letter queue.
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
    // The rule invokes the live alias, so a new version takes a canary share of the events first.
    const live = new LiveAlias(this, 'IngestLive', this.ingest, { alerts: props.alerts }).alias;
    // The rule invokes asynchronously: retries and the final failure are the function's, not the rule's.
    // An asynchronous invocation configuration is per qualifier, so it is the alias's.
    live.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(1),
      onFailure: new destinations.SqsDestination(failedEvents),
    });
    table.grant(this.ingest, 'dynamodb:PutItem');

    const undeliverable = deadLetterQueue(this, 'RuleErrors', props.alerts, 'A telemetry message IoT Core could not hand to the ingest function');
    const ruleRole = new iam.Role(this, 'RuleErrorRole', { assumedBy: new iam.ServicePrincipal('iot.amazonaws.com') });
    undeliverable.grantSendMessages(ruleRole);
    const archiveRole = new iam.Role(this, 'RuleArchiveRole', { assumedBy: new iam.ServicePrincipal('iot.amazonaws.com') });
    props.archive.grantPutRecords(archiveRole);
    this.rule = new iot.CfnTopicRule(this, 'Rule', {
      topicRulePayload: {
        description: 'One ingest invocation per telemetry message, and the message to the archive stream; the device id comes from the authenticated topic',
        sql: "SELECT *, topic(2) AS topicDeviceId, timestamp() AS receivedAt FROM 'telemetry/+/data'",
        awsIotSqlVersion: '2016-03-23',
        ruleDisabled: false,
        actions: [
          { lambda: { functionArn: live.functionArn } },
          // One Firehose record per message (batchMode off): the transform reads each as one message.
          { firehose: { deliveryStreamName: props.archive.deliveryStreamName, roleArn: archiveRole.roleArn, batchMode: false } },
        ],
        errorAction: { sqs: { queueUrl: undeliverable.queueUrl, roleArn: ruleRole.roleArn, useBase64: false } },
      },
    });
    live.addPermission('IotRuleInvoke', {
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

    props.alerts.alarm(this, 'IngestErrors', {
      description: 'More than 1% of telemetry events fail in the ingest function (they are retried, then dead-lettered)',
      metric: new cloudwatch.MathExpression({
        // IF, as the metric math reference documents it: no division by zero in a quiet period, and
        // no constant inside a time-series array (MAX([invocations, 1]) is not a documented form).
        expression: 'IF(invocations > 0, 100 * errors / invocations, 0)',
        usingMetrics: { errors: this.ingest.metricErrors(), invocations: this.ingest.metricInvocations() },
        period: Duration.minutes(5),
      }),
      threshold: 1,
    });
    for (const [id, actionType, what] of [
      ['RuleFailures', 'Lambda', 'invoke the ingest function for'],
      ['RuleArchiveFailures', 'Firehose', 'hand the archive stream'],
    ] as const) {
      props.alerts.alarm(this, id, {
        description: `IoT Core fails to ${what} telemetry messages (they go to the rule's dead-letter queue)`,
        metric: new cloudwatch.Metric({
          namespace: 'AWS/IoT',
          metricName: 'Failure',
          dimensionsMap: { RuleName: this.rule.ref, ActionType: actionType },
          statistic: 'Sum',
          period: Duration.minutes(5),
        }),
        threshold: 0,
        evaluationPeriods: 1,
      });
    }
  }
}
