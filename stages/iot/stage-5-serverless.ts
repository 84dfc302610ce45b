import { CfnOutput, Stack } from 'aws-cdk-lib';
import { acknowledge } from '../../lib/checks/acknowledge';
import { BatchJob } from '../../lib/constructs/batch-job';
import { dataBucket } from '../../lib/constructs/data-bucket';
import { deadLetterQueue } from '../../lib/constructs/dead-letter-queue';
import { IotIngestion } from '../../lib/constructs/iot-ingestion';
import { RealtimeReadings } from '../../lib/constructs/realtime-readings';
import { TelemetryArchive } from '../../lib/constructs/telemetry-archive';
import { TelemetryJobsImage } from '../../lib/constructs/telemetry-jobs-image';
import { ARCHIVE_PREFIX } from '../../lib/runtime/telemetry/archive-format';
import { batchCluster } from './batch-cluster';
import { iotFoundation } from './foundation';
import { IotPlatformOptions } from './options';

/**
 * Stage 5, serverless compute: IoT Core invokes one Lambda function per event, the table's stream feeds
 * the archive, and analysis runs as a Fargate task only when a job file arrives (or nightly). The fleet,
 * its load balancer, the export job and Aurora retire; Aurora is retained with its data.
 */
export function buildServerless(stack: Stack, options: IotPlatformOptions): void {
  const { network, logs, alerts } = iotFoundation(stack, options);
  const realtime = new RealtimeReadings(stack, 'Realtime');
  const archive = new TelemetryArchive(stack, 'Archive', { accessLogs: logs.bucket });
  const ingestion = new IotIngestion(stack, 'IotIngestion', { readings: realtime, archive: archive.bucket, alerts });

  const jobs = dataBucket(stack, 'JobsBucket', { accessLogs: logs.bucket, accessLogPrefix: 'jobs/', eventBridge: true });
  const analysis = new BatchJob(stack, 'Analysis', {
    cluster: batchCluster(stack, network),
    network,
    image: new TelemetryJobsImage(stack, 'JobsImage'),
    script: 'analyse',
    environment: { ARCHIVE_BUCKET: archive.bucket.bucketName, JOBS_BUCKET: jobs.bucketName },
    cpu: 2048,
    memoryLimitMiB: 8192,
  });
  archive.bucket.grantRead(analysis.role, `${ARCHIVE_PREFIX}*`);
  jobs.grantRead(analysis.role, 'jobs/*');
  jobs.grantPut(analysis.role, 'results/*');
  const failedStarts = deadLetterQueue(analysis, 'FailedStarts', alerts, 'An analysis job that could not start');
  analysis.runOnEvent(
    { source: ['aws.s3'], detailType: ['Object Created'], detail: { bucket: { name: [jobs.bucketName] }, object: { key: [{ prefix: 'jobs/' }] } } },
    { name: 'JOB_KEY', path: '$.detail.object.key' },
    failedStarts,
  );
  analysis.runNightly(3, failedStarts);
  acknowledgeJobGrants(stack, analysis, archive, jobs);

  new CfnOutput(stack, 'TelemetryTopic', { value: 'telemetry/<thing name>/data', description: 'Devices publish JSON records here (MQTT over TLS)' });
  new CfnOutput(stack, 'IngestFunction', { value: ingestion.ingest.functionName });
  new CfnOutput(stack, 'JobsBucketName', { value: jobs.bucketName, description: 'Upload jobs/<name>.json to start an analysis; results/ holds the output' });
  new CfnOutput(stack, 'AthenaWorkGroup', { value: archive.workGroup.ref, description: 'Query telemetry_archive.readings here' });
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
