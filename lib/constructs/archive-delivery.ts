import { Aws, Duration, Size, Stack } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as firehose from 'aws-cdk-lib/aws-kinesisfirehose';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../checks/acknowledge';
import { ARCHIVE_JSON_KEYS, ARCHIVE_PREFIX } from '../runtime/telemetry/archive-format';
import { Alerts } from './alerts';
import { nodeFunction } from './node-function';
import { TelemetryArchive } from './telemetry-archive';

/**
 * Firehose's buffer before it writes an object, per day partition: the largest it allows with Parquet
 * conversion. An object is written when either is reached, so at 1,160 events a second a day's
 * partition gets an object every 15 minutes or every 128 MiB of rows, whichever comes first.
 */
export const ARCHIVE_BUFFERING = { interval: Duration.seconds(900), size: Size.mebibytes(128) } as const;
/**
 * The most bytes the transform returns per byte of messages it is given: the worst message the
 * ingest validation accepts (a 128-character device id, 100 one-letter metrics valued 0) measured
 * through the real handler, Firehose's envelope and base64 included, rounded up
 * (test/runtime/telemetry-lambda/archive-transform-limits.test.ts measures it and fails if it grows).
 */
export const TRANSFORM_WORST_EXPANSION = 28;
/** Lambda's limit on a synchronous response ("6 MB"), read as decimal megabytes to be safe. */
export const SYNC_RESPONSE_LIMIT_BYTES = 6_000_000;
/** Firehose's range for the transform's buffer hint: 0.2 to 3 MB. */
const TRANSFORM_BUFFER_RANGE_MIB = { min: 0.2, max: 3 } as const;

/**
 * Firehose's buffer before it calls the transform, sized so that the worst full buffer's response
 * fits Lambda's limit: 6 MB / 28 is 0.2 MiB (a tenth of a MiB down). At the design volume (150-byte,
 * 3-metric messages, 4.2 times their size) that is about one call a second.
 */
export const TRANSFORM_BUFFERING = {
  interval: Duration.seconds(60),
  size: Size.mebibytes(transformBufferMiB(TRANSFORM_WORST_EXPANSION)),
} as const;

/** The largest buffer hint, in tenths of a MiB, whose worst response fits; fails if none Firehose allows does. */
export function transformBufferMiB(worstExpansion: number): number {
  const fitting = Math.floor((SYNC_RESPONSE_LIMIT_BYTES / worstExpansion / 1024 ** 2) * 10) / 10;
  if (fitting < TRANSFORM_BUFFER_RANGE_MIB.min) {
    throw new Error(`A transform that expands ${worstExpansion} times cannot fit Lambda's response limit at Firehose's smallest buffer`);
  }
  return Math.min(fitting, TRANSFORM_BUFFER_RANGE_MIB.max);
}
/** Where Firehose puts what it could not transform, convert or deliver: outside the table's prefix. */
export const ARCHIVE_ERROR_PREFIX = 'archive-errors/';

/** Properties of {@link ArchiveDelivery}. */
export interface ArchiveDeliveryProps {
  readonly archive: TelemetryArchive;
  readonly alerts: Alerts;
}

/**
 * Stage 5's way into the archive: an Amazon Data Firehose stream that the IoT topic rule sends every
 * telemetry message to. A Lambda transform turns each message into its rows and the day they were
 * taken; Firehose buffers a day's rows into large objects, converts them to Parquet through the
 * archive's Glue table and writes them under `readings/dt=<day>/`, where the export job's objects
 * of stages 3-4 are, so the same table, Athena and the analysis job read both.
 */
export class ArchiveDelivery extends Construct {
  public readonly stream: firehose.DeliveryStream;
  public readonly transform: lambda.Function;

  constructor(scope: Construct, id: string, props: ArchiveDeliveryProps) {
    super(scope, id);
    this.transform = nodeFunction(this, 'Transform', {
      entry: 'lib/runtime/telemetry-lambda/archive-transform.ts',
      // Firehose waits up to 5 minutes for a transform; 0.2 MiB of messages take well under a second.
      timeout: Duration.minutes(1),
      memorySize: 512,
    });
    const table = props.archive.table.node.defaultChild as glue.CfnTable;
    const errorLogs = new logs.LogGroup(this, 'DeliveryLogs', { retention: logs.RetentionDays.ONE_MONTH });
    const role = this.deliveryRole(props.archive, errorLogs);
    this.stream = new firehose.DeliveryStream(this, 'Stream', {
      encryption: firehose.StreamEncryption.awsOwnedKey(),
      destination: new firehose.S3Bucket(props.archive.bucket, {
        // Its own exact policy: the construct's grants would add object deletes and a Glue wildcard.
        role: role.withoutPolicyUpdates(),
        loggingConfig: new firehose.EnableLogging(errorLogs),
        dataOutputPrefix: `${ARCHIVE_PREFIX}dt=!{partitionKeyFromLambda:dt}/`,
        errorOutputPrefix: `${ARCHIVE_ERROR_PREFIX}!{firehose:error-output-type}/!{timestamp:yyyy-MM-dd}/`,
        bufferingInterval: ARCHIVE_BUFFERING.interval,
        bufferingSize: ARCHIVE_BUFFERING.size,
        dynamicPartitioning: { enabled: true, retryDuration: Duration.hours(2) },
        processors: [
          new firehose.LambdaFunctionProcessor(this.transform, {
            bufferInterval: TRANSFORM_BUFFERING.interval,
            bufferSize: TRANSFORM_BUFFERING.size,
            retries: 3,
          }),
        ],
        dataFormatConversion: {
          schemaConfiguration: firehose.SchemaConfiguration.fromCfnTable(table),
          // Reads the transform's `yyyy-MM-dd HH:mm:ss.SSS` timestamps as UTC, and its one-letter keys
          // as the table's columns.
          inputFormat: new firehose.OpenXJsonInputFormat({ columnToJsonKeyMappings: { ...ARCHIVE_JSON_KEYS } }),
          outputFormat: new firehose.ParquetOutputFormat({ compression: firehose.ParquetCompression.SNAPPY }),
        },
      }),
    });

    this.stream.node.addDependency(role);

    props.alerts.alarm(this, 'TransformErrors', {
      description: 'The archive transform fails (Firehose retries, then writes the messages under archive-errors/)',
      metric: this.transform.metricErrors({ period: Duration.minutes(5) }),
      threshold: 0,
    });
    props.alerts.alarm(this, 'ArchiveFallingBehind', {
      description: 'The oldest telemetry in the archive stream is more than an hour old: S3 delivery is failing or lagging',
      metric: this.stream.metric('DeliveryToS3.DataFreshness', { statistic: 'Maximum', period: Duration.minutes(5) }),
      threshold: 3_600,
    });
    props.alerts.alarm(this, 'ConversionFailures', {
      description: 'Firehose could not convert rows to Parquet (they are under archive-errors/)',
      metric: this.stream.metric('FailedConversion.Records', { statistic: 'Sum', period: Duration.minutes(5) }),
      threshold: 0,
      evaluationPeriods: 1,
    });
  }

  /** What Firehose needs and nothing more: write the two prefixes, call the transform, read the table, log. */
  private deliveryRole(archive: TelemetryArchive, errorLogs: logs.LogGroup): iam.Role {
    const role = new iam.Role(this, 'DeliveryRole', {
      assumedBy: new iam.ServicePrincipal('firehose.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } } }),
    });
    const bucket = archive.bucket;
    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads'], resources: [bucket.bucketArn] }));
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject', 's3:AbortMultipartUpload', 's3:GetObject'],
        resources: [bucket.arnForObjects(`${ARCHIVE_PREFIX}*`), bucket.arnForObjects(`${ARCHIVE_ERROR_PREFIX}*`)],
      }),
    );
    role.addToPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction', 'lambda:GetFunctionConfiguration'], resources: [this.transform.functionArn] }));
    const stack = Stack.of(this);
    const table = archive.table;
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['glue:GetTable', 'glue:GetTableVersion', 'glue:GetTableVersions'],
        resources: [
          stack.formatArn({ service: 'glue', resource: 'catalog' }),
          stack.formatArn({ service: 'glue', resource: 'database', resourceName: table.database.databaseName }),
          table.tableArn,
        ],
      }),
    );
    errorLogs.grantWrite(role);
    const bucketId = stack.getLogicalId(bucket.node.defaultChild as never);
    acknowledge(
      role,
      { rule: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${ARCHIVE_PREFIX}*]`, reason: 'Firehose writes new archive objects under the table prefix; their names exist only at delivery time.' },
      { rule: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${ARCHIVE_ERROR_PREFIX}*]`, reason: 'Firehose writes what it could not transform, convert or deliver under the error prefix only.' },
    );
    return role;
  }
}

/**
 * Objects a day of the archive gets from this stream, from its real buffering configuration: a day
 * partition is written whenever its buffer reaches the size or the interval, whichever comes first.
 */
export function archiveObjectsPerDay(eventsPerSecond: number, bytesPerEvent: number): { objects: number; secondsPerObject: number; bytesPerObject: number } {
  const bytesPerSecond = eventsPerSecond * bytesPerEvent;
  const secondsPerObject = Math.min(ARCHIVE_BUFFERING.interval.toSeconds(), ARCHIVE_BUFFERING.size.toBytes() / bytesPerSecond);
  return { objects: Math.ceil(86_400 / secondsPerObject), secondsPerObject, bytesPerObject: secondsPerObject * bytesPerSecond };
}
