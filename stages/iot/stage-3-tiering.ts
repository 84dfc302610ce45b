import { CfnOutput, Stack } from 'aws-cdk-lib';
import { PublicEntrance } from '../../lib/constructs/public-entrance';
import { TelemetryArchive } from '../../lib/constructs/telemetry-archive';
import { TelemetryAurora } from '../../lib/constructs/telemetry-aurora';
import { TelemetryJobsImage } from '../../lib/constructs/telemetry-jobs-image';
import { nightlyArchiveExport } from './archive-export';
import { batchCluster } from './batch-cluster';
import { collectorFleet } from './collector-pool';
import { iotFoundation } from './foundation';
import { IotPlatformOptions } from './options';

/**
 * Stage 3, tiering: rows older than a configurable age leave Aurora for an S3 archive that ages into
 * cheaper storage classes and stays queryable in place with Athena.
 */
export function buildTiering(stack: Stack, options: IotPlatformOptions): void {
  const { network, logs, alerts } = iotFoundation(stack, options);
  const aurora = new TelemetryAurora(stack, 'Aurora', { network });
  const entrance = new PublicEntrance(stack, 'Ingestion', { network, accessLogs: logs.bucket, alerts, certificateArn: options.certificateArn });
  collectorFleet(stack, { network, alerts, entrance, store: 'postgres', database: aurora });

  const archive = new TelemetryArchive(stack, 'Archive', { accessLogs: logs.bucket });
  nightlyArchiveExport(stack, {
    network, alerts, aurora, archive,
    cluster: batchCluster(stack, network),
    image: new TelemetryJobsImage(stack, 'JobsImage'),
    olderThanDays: options.archiveAfterDays ?? 90,
  });

  new CfnOutput(stack, 'IngestUrl', { value: `${entrance.url}/telemetry`, description: 'POST telemetry records here' });
  new CfnOutput(stack, 'AthenaWorkGroup', { value: archive.workGroup.ref, description: 'Query telemetry_archive.readings here' });
}
