import { CfnOutput, Stack } from 'aws-cdk-lib';
import { ArchiveDelivery } from '../../lib/constructs/archive-delivery';
import { DeviceFleet } from '../../lib/constructs/device-fleet';
import { DeviceReadApi } from '../../lib/constructs/device-read-api';
import { IotIngestion } from '../../lib/constructs/iot-ingestion';
import { RealtimeReadings } from '../../lib/constructs/realtime-readings';
import { watchTableHealth } from '../../lib/constructs/table-health';
import { TelemetryArchive } from '../../lib/constructs/telemetry-archive';
import { TelemetryJobsBundle } from '../../lib/constructs/telemetry-jobs-bundle';
import { analysisOnDemand } from './analysis-on-demand';
import { batchCluster } from './batch-cluster';
import { iotFoundation } from './foundation';
import { IotPlatformOptions } from './options';

/**
 * Stage 5, serverless compute: IoT Core invokes one Lambda function per event and hands each event to
 * Data Firehose, which writes the archive in large Parquet objects by day; devices get in by fleet
 * provisioning; a serverless API serves the real-time reads the collector served; analysis runs as a
 * Fargate task only when a job file arrives (or nightly). The fleet, its load balancer, the export job
 * and Aurora retire; Aurora leaves a final snapshot. Nothing runs in the VPC between jobs, so the NAT
 * gateways go too: the tasks run in the public subnets with a public IP and no inbound rule.
 */
export function buildServerless(stack: Stack, options: IotPlatformOptions): void {
  const { network, logs, alerts } = iotFoundation(stack, options, { egress: false });
  const realtime = new RealtimeReadings(stack, 'Realtime');
  watchTableHealth(stack, 'Realtime', realtime.table, alerts);
  const archive = new TelemetryArchive(stack, 'Archive', { accessLogs: logs.bucket });
  const delivery = new ArchiveDelivery(stack, 'ArchiveDelivery', { archive, alerts });
  const ingestion = new IotIngestion(stack, 'IotIngestion', { readings: realtime, archive: delivery.stream, alerts });
  const devices = new DeviceFleet(stack, 'Devices', { devicePolicy: ingestion.devicePolicy, alerts });
  const reads = new DeviceReadApi(stack, 'DeviceReads', { readings: realtime, alerts });

  const { jobs } = analysisOnDemand(stack, {
    network, alerts, archive,
    accessLogs: logs.bucket,
    cluster: batchCluster(stack, network),
    code: new TelemetryJobsBundle(stack, 'JobsCode'),
  });

  new CfnOutput(stack, 'TelemetryTopic', { value: 'telemetry/<thing name>/data', description: 'Devices publish JSON records here (MQTT over TLS)' });
  new CfnOutput(stack, 'ProvisioningTemplateName', { value: devices.templateName, description: 'Devices register through this template (fleet provisioning by claim)' });
  new CfnOutput(stack, 'ClaimPolicyName', { value: devices.claimPolicy.ref, description: 'Attach to the claim certificate installed on devices at the factory' });
  new CfnOutput(stack, 'IngestFunction', { value: ingestion.ingest.functionName });
  new CfnOutput(stack, 'DeviceReadUrl', { value: reads.url, description: 'GET /devices/<id>/latest and /devices/<id>/stats?hours=N, signed with SigV4 (execute-api:Invoke)' });
  new CfnOutput(stack, 'JobsBucketName', { value: jobs.bucketName, description: 'Upload jobs/<name>.json to start an analysis; results/ holds the output' });
  new CfnOutput(stack, 'AthenaWorkGroup', { value: archive.workGroup.ref, description: `Query ${archive.table.database.databaseName}.readings here` });
}
