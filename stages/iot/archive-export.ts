import { Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { acknowledge } from '../../lib/checks/acknowledge';
import { Alerts } from '../../lib/constructs/alerts';
import { BatchJob } from '../../lib/constructs/batch-job';
import { deadLetterQueue } from '../../lib/constructs/dead-letter-queue';
import { Network } from '../../lib/constructs/network';
import { TelemetryArchive } from '../../lib/constructs/telemetry-archive';
import { TelemetryAurora } from '../../lib/constructs/telemetry-aurora';
import { TelemetryJobsBundle } from '../../lib/constructs/telemetry-jobs-bundle';
import { ARCHIVE_PREFIX } from '../../lib/runtime/telemetry/archive-format';
import { batchCluster } from './batch-cluster';

/** Properties of {@link archiveTier}. */
export interface ArchiveTierProps {
  readonly network: Network;
  readonly alerts: Alerts;
  readonly aurora: TelemetryAurora;
  /** Where the archive's access logs go. */
  readonly accessLogs: s3.IBucket;
  readonly olderThanDays: number;
}

/** The S3 archive (Glue, Athena) and the nightly job that fills it from Aurora: stages 3 and 4. */
export function archiveTier(stack: Stack, props: ArchiveTierProps): TelemetryArchive {
  const archive = new TelemetryArchive(stack, 'Archive', { accessLogs: props.accessLogs });
  nightlyArchiveExport(stack, {
    ...props,
    archive,
    cluster: batchCluster(stack, props.network),
    code: new TelemetryJobsBundle(stack, 'JobsCode'),
  });
  return archive;
}

/** Properties of {@link nightlyArchiveExport}. */
export interface ArchiveExportProps {
  readonly network: Network;
  readonly alerts: Alerts;
  readonly cluster: ecs.ICluster;
  readonly code: TelemetryJobsBundle;
  readonly aurora: TelemetryAurora;
  readonly archive: TelemetryArchive;
  readonly olderThanDays: number;
}

/** The nightly job that moves rows older than the configured age from Aurora to the archive. */
export function nightlyArchiveExport(stack: Stack, props: ArchiveExportProps): BatchJob {
  const job = new BatchJob(stack, 'ArchiveExport', {
    cluster: props.cluster,
    network: props.network,
    code: props.code,
    script: 'export-archive',
    alerts: props.alerts,
    environment: {
      ARCHIVE_BUCKET: props.archive.bucket.bucketName,
      EXPORT_OLDER_THAN_DAYS: String(props.olderThanDays),
      DATABASE_SECRET_ARN: props.aurora.secret.secretArn,
    },
  });
  props.aurora.allowConnections(job.securityGroup, 'Archive export job');
  props.aurora.secret.grantRead(job.role);
  props.archive.bucket.grantPut(job.role, `${ARCHIVE_PREFIX}*`);
  job.runNightly(2, deadLetterQueue(job, 'FailedStarts', props.alerts, 'A nightly archive export that could not start'));
  acknowledge(
    job.role,
    {
      rule: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(props.archive.bucket.node.defaultChild as never)}.Arn>/${ARCHIVE_PREFIX}*]`,
      reason: 'The export writes new objects under the archive prefix only; their names are per day and chunk.',
    },
    {
      rule: 'AwsSolutions-IAM5[Action::s3:Abort*]',
      reason: 'Part of the put grant: lets a failed multipart upload of an archive object be aborted.',
    },
  );
  return job;
}
