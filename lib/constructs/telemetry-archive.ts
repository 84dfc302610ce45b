import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as athena from 'aws-cdk-lib/aws-athena';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ARCHIVE_COLUMNS, ARCHIVE_PREFIX } from '../runtime/telemetry/archive-format';
import { dataBucket } from './data-bucket';

/** The archive's Glue database for a stack: lower case letters, digits and underscores, as Athena wants them. */
export function archiveDatabaseName(stackName: string): string {
  return `${stackName.toLowerCase().replace(/[^a-z0-9_]/g, '_')}_telemetry_archive`;
}

/** Properties of {@link TelemetryArchive}. */
export interface TelemetryArchiveProps {
  /** Where S3 server access logs go. */
  readonly accessLogs: s3.IBucket;
  /**
   * First day Athena's partition projection considers.
   * @default '2020-01-01'
   */
  readonly firstDay?: string;
}

/**
 * Telemetry history in S3, queryable in place: Parquet partitioned by day, moving to cheaper
 * storage classes as it ages (all of them ones Athena reads without a restore), catalogued in Glue with
 * partition projection (no crawler), and an Athena workgroup that enforces encrypted results and a
 * per-query scan limit.
 */
export class TelemetryArchive extends Construct {
  public readonly bucket: s3.Bucket;
  public readonly table: glue.S3Table;
  public readonly workGroup: athena.CfnWorkGroup;

  constructor(scope: Construct, id: string, props: TelemetryArchiveProps) {
    super(scope, id);
    this.bucket = dataBucket(this, 'Bucket', {
      accessLogs: props.accessLogs,
      accessLogPrefix: 'archive/',
      transitions: [
        { storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) },
        { storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(180) },
      ],
    });
    // The catalog is metadata the template fully describes (partition projection, no crawler), so it is
    // deleted with its stage: retained under its fixed name, it would make the stage fail to come back.
    const database = new glue.Database(this, 'Catalog', {
      // Glue database names are unique per account and region: the stack's name makes it this stack's.
      databaseName: archiveDatabaseName(Stack.of(this).stackName),
      description: 'IoT telemetry history',
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.table = new glue.S3Table(this, 'Readings', {
      database,
      tableName: 'readings',
      description: 'One row per device, moment and metric; Parquet by UTC day, from the export job (stages 3-4) and Data Firehose (stage 5)',
      storage: glue.S3TableStorage.fromBucket(this.bucket),
      s3Prefix: ARCHIVE_PREFIX,
      // Columnar: a query reads only the columns it names, and Firehose converts to it through this table.
      dataFormat: glue.DataFormat.PARQUET,
      columns: ARCHIVE_COLUMNS.map(({ name, type }) => ({ name, type: { inputString: type, isPrimitive: true } })),
      partitionKeys: [{ name: 'dt', type: glue.Schema.STRING }],
      partitionProjection: {
        dt: glue.PartitionProjectionConfiguration.date({
          min: props.firstDay ?? '2020-01-01',
          max: 'NOW',
          format: 'yyyy-MM-dd',
          step: { interval: 1, intervalUnit: glue.DateIntervalUnit.DAYS },
        }),
      },
    });

    const results = new s3.Bucket(this, 'QueryResults', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'athena-results/',
      lifecycleRules: [{ id: 'results-are-derived', expiration: Duration.days(30), noncurrentVersionExpiration: Duration.days(1) }],
    });
    this.workGroup = new athena.CfnWorkGroup(this, 'WorkGroup', {
      // Workgroup names are unique per account and region, like the database's.
      name: `${Stack.of(this).stackName}-telemetry`,
      description: 'Queries over the telemetry archive',
      state: 'ENABLED',
      // Saved queries would otherwise make the delete fail when the stage leaves, and the fixed name
      // would then stop the stage from coming back. Results live on in the retained results bucket.
      recursiveDeleteOption: true,
      workGroupConfiguration: {
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        bytesScannedCutoffPerQuery: 100 * 1024 ** 3,
        resultConfiguration: {
          outputLocation: `s3://${results.bucketName}/`,
          encryptionConfiguration: { encryptionOption: 'SSE_S3' },
        },
      },
    });
  }
}
