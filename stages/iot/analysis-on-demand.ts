import { Duration, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { acknowledge } from '../../lib/checks/acknowledge';
import { Alerts } from '../../lib/constructs/alerts';
import { BatchJob } from '../../lib/constructs/batch-job';
import { dataBucket } from '../../lib/constructs/data-bucket';
import { deadLetterQueue } from '../../lib/constructs/dead-letter-queue';
import { Network } from '../../lib/constructs/network';
import { TelemetryArchive } from '../../lib/constructs/telemetry-archive';
import { TelemetryJobsBundle } from '../../lib/constructs/telemetry-jobs-bundle';
import { ARCHIVE_PREFIX } from '../../lib/runtime/telemetry/archive-format';

/** Properties of {@link analysisOnDemand}. */
export interface AnalysisOnDemandProps {
  readonly network: Network;
  readonly alerts: Alerts;
  readonly cluster: ecs.ICluster;
  readonly code: TelemetryJobsBundle;
  readonly archive: TelemetryArchive;
  /** Where the jobs bucket's access logs go. */
  readonly accessLogs: s3.IBucket;
}

/**
 * Batch analysis that runs only when there is a job: a job file uploaded under `jobs/` starts one
 * Fargate task (plus a nightly run over yesterday); results land under `results/`.
 */
export function analysisOnDemand(stack: Stack, props: AnalysisOnDemandProps): { jobs: s3.Bucket; analysis: BatchJob } {
  const jobs = dataBucket(stack, 'JobsBucket', {
    accessLogs: props.accessLogs,
    accessLogPrefix: 'jobs/',
    eventBridge: true,
    // A job file has done its work once its analysis has run; results are kept for a year.
    expirations: [
      { prefix: 'jobs/', after: Duration.days(30) },
      { prefix: 'results/', after: Duration.days(365) },
    ],
  });
  const analysis = new BatchJob(stack, 'Analysis', {
    cluster: props.cluster,
    network: props.network,
    code: props.code,
    script: 'analyse',
    alerts: props.alerts,
    environment: { ARCHIVE_BUCKET: props.archive.bucket.bucketName, JOBS_BUCKET: jobs.bucketName },
    cpu: 2048,
    memoryLimitMiB: 8192,
  });
  props.archive.bucket.grantRead(analysis.role, `${ARCHIVE_PREFIX}*`);
  jobs.grantRead(analysis.role, 'jobs/*');
  jobs.grantPut(analysis.role, 'results/*');
  const failedStarts = deadLetterQueue(analysis, 'FailedStarts', props.alerts, 'An analysis job that could not start');
  analysis.runOnEvent(
    { source: ['aws.s3'], detailType: ['Object Created'], detail: { bucket: { name: [jobs.bucketName] }, object: { key: [{ prefix: 'jobs/' }] } } },
    { name: 'JOB_KEY', path: '$.detail.object.key' },
    failedStarts,
  );
  analysis.runNightly(3, failedStarts);
  acknowledgeJobGrants(stack, analysis, props.archive, jobs);
  return { jobs, analysis };
}

function acknowledgeJobGrants(stack: Stack, job: BatchJob, archive: TelemetryArchive, jobs: ReturnType<typeof dataBucket>): void {
  const arn = (bucket: { node: { defaultChild?: unknown } }) => `<${stack.getLogicalId(bucket.node.defaultChild as never)}.Arn>`;
  acknowledge(
    job.role,
    { rule: `AwsSolutions-IAM5[Resource::${arn(archive.bucket)}/${ARCHIVE_PREFIX}*]`, reason: 'Analysis reads any day of the archive, read-only, under its prefix.' },
    { rule: `AwsSolutions-IAM5[Resource::${arn(jobs)}/jobs/*]`, reason: 'Analysis reads the job files it is started for, read-only, under jobs/.' },
    { rule: `AwsSolutions-IAM5[Resource::${arn(jobs)}/results/*]`, reason: 'Analysis writes its results under results/ only, one object per job.' },
    { rule: 'AwsSolutions-IAM5[Action::s3:GetObject*]', reason: 'Part of the read grant: object reads (GetObject, its version and tags).' },
    { rule: 'AwsSolutions-IAM5[Action::s3:GetBucket*]', reason: 'Part of the read grant: bucket location and metadata for the S3 client.' },
    { rule: 'AwsSolutions-IAM5[Action::s3:List*]', reason: 'Listing a day of the archive is how the job finds its objects.' },
    { rule: 'AwsSolutions-IAM5[Action::s3:Abort*]', reason: 'Part of the put grant: lets a failed multipart upload of a result be aborted.' },
  );
}
