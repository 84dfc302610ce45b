import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ivs from 'aws-cdk-lib/aws-ivs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { Alerts } from './alerts';
import { dataBucket } from './data-bucket';
import { deadLetterQueue } from './dead-letter-queue';

/** Properties of {@link LiveChannel}. */
export interface LiveChannelProps {
  /** Where S3 server access logs of the recordings bucket go. */
  readonly accessLogs: s3.IBucket;
  /** Where stream trouble is reported. */
  readonly alerts: Alerts;
  /**
   * IVS channel type: STANDARD transcodes to several renditions (adaptive bitrate); BASIC passes the
   * input through and costs less.
   * @default 'STANDARD'
   */
  readonly channelType?: 'STANDARD' | 'BASIC' | 'ADVANCED_SD' | 'ADVANCED_HD';
}

/**
 * Amazon IVS (L1 constructs; aws-cdk-lib has no L2): a low-latency channel that only takes RTMPS
 * ingest, a recording configuration that writes every stream to S3 for replay, and a stream key that
 * stays in IVS: the template and its outputs hold only its ARN. A copy in Secrets Manager would be
 * retained as data when the channel goes, holding a key to a channel that no longer exists.
 */
export class LiveChannel extends Construct {
  public readonly channel: ivs.CfnChannel;
  public readonly recordings: s3.Bucket;
  /** Read the key itself with `aws ivs get-stream-key --arn <streamKey.attrArn>`. */
  public readonly streamKey: ivs.CfnStreamKey;

  constructor(scope: Construct, id: string, props: LiveChannelProps) {
    super(scope, id);
    // SSE-S3: IVS writes through its service-linked role, which a customer-managed key would also have to trust.
    this.recordings = dataBucket(this, 'Recordings', {
      accessLogs: props.accessLogs,
      accessLogPrefix: 'recordings/',
      transitions: [{ storageClass: s3.StorageClass.INTELLIGENT_TIERING, transitionAfter: Duration.days(0) }],
    });

    const recording = new ivs.CfnRecordingConfiguration(this, 'Recording', {
      destinationConfiguration: { s3: { bucketName: this.recordings.bucketName } },
      recordingReconnectWindowSeconds: 60,
      thumbnailConfiguration: { recordingMode: 'INTERVAL', targetIntervalSeconds: 30, resolution: 'HD', storage: ['SEQUENTIAL', 'LATEST'] },
      renditionConfiguration: { renditionSelection: 'ALL' },
    });
    this.channel = new ivs.CfnChannel(this, 'Channel', {
      type: props.channelType ?? 'STANDARD',
      latencyMode: 'LOW',
      insecureIngest: false,
      authorized: false,
      recordingConfigurationArn: recording.attrArn,
    });
    this.streamKey = new ivs.CfnStreamKey(this, 'StreamKey', { channelArn: this.channel.attrArn });

    // IVS reports stream state, health and recording events on EventBridge (best effort); keep them for operators.
    const eventLog = new logs.LogGroup(this, 'Events', { retention: logs.RetentionDays.THREE_MONTHS });
    const streamEvents = new events.Rule(this, 'StreamEvents', {
      description: 'IVS stream, health and recording events of the live channel',
      eventPattern: {
        source: ['aws.ivs'],
        detailType: ['IVS Stream State Change', 'IVS Stream Health Change', 'IVS Recording State Change', 'IVS Limit Breach'],
        resources: [this.channel.attrArn],
      },
    });
    // A log group target written as its resource policy directly: aws-cdk-lib's CloudWatchLogGroup target
    // installs a custom-resource Lambda function for the same two permissions. The target is the log
    // group's ARN without the `:*` that its Arn attribute ends in: with it, delivery fails silently.
    const eventLogTargetArn = Stack.of(this).formatArn({
      service: 'logs',
      resource: 'log-group',
      resourceName: eventLog.logGroupName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    // Events EventBridge could not deliver (to the log or the alerts topic) wait here for 14 days.
    const undelivered = deadLetterQueue(this, 'UndeliveredEvents', props.alerts, 'An IVS event that could not be delivered');
    streamEvents.addTarget({ bind: () => ({ arn: eventLogTargetArn, deadLetterConfig: { arn: undelivered.queueArn } }) });
    targets.addToDeadLetterQueueResourcePolicy(streamEvents, undelivered);
    new logs.ResourcePolicy(this, 'EventsWriteLog', {
      policyStatements: [
        new iam.PolicyStatement({
          principals: [new iam.ServicePrincipal('events.amazonaws.com'), new iam.ServicePrincipal('delivery.logs.amazonaws.com')],
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [eventLog.logGroupArn],
        }),
      ],
    });

    // Starvation, limit breaches and failed recordings need a person: a broadcast is happening now.
    new events.Rule(this, 'StreamTrouble', {
      description: 'IVS stream health problems, limit breaches and failed recordings of the live channel',
      eventPattern: {
        source: ['aws.ivs'],
        resources: [this.channel.attrArn],
        detailType: ['IVS Stream Health Change', 'IVS Limit Breach', 'IVS Recording State Change'],
        detail: { $or: [{ event_name: ['Stream Starvation'] }, { limit_name: [{ exists: true }] }, { recording_status: ['Recording Start Failure', 'Recording End Failure'] }] },
      },
      targets: [new targets.SnsTopic(props.alerts.topic, { deadLetterQueue: undelivered })],
    });
  }
}
