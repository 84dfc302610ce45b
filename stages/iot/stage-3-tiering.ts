import { CfnOutput, Stack } from 'aws-cdk-lib';
import { PublicEntrance } from '../../lib/constructs/public-entrance';
import { TelemetryAurora } from '../../lib/constructs/telemetry-aurora';
import { archiveTier } from './archive-export';
import { collectorFleet } from './collector-pool';
import { iotFoundation } from './foundation';
import { IotPlatformOptions } from './options';

/**
 * Stage 3, tiering: rows older than a configurable age leave Aurora for an S3 archive that ages into
 * cheaper storage classes and stays queryable in place with Athena.
 */
export function buildTiering(stack: Stack, options: IotPlatformOptions): void {
  const { network, logs, alerts } = iotFoundation(stack, options, { egress: true });
  const aurora = new TelemetryAurora(stack, 'Aurora', { network, alerts });
  const entrance = new PublicEntrance(stack, 'Ingestion', { network, accessLogs: logs.bucket, alerts, certificateArn: options.certificateArn });
  collectorFleet(stack, { network, alerts, entrance, store: 'postgres', database: aurora });

  const archive = archiveTier(stack, { network, alerts, aurora, accessLogs: logs.bucket, olderThanDays: options.archiveAfterDays ?? 90 });

  new CfnOutput(stack, 'IngestUrl', { value: `${entrance.url}/telemetry`, description: 'POST telemetry records here' });
  new CfnOutput(stack, 'AthenaWorkGroup', { value: archive.workGroup.ref, description: `Query ${archive.table.database.databaseName}.readings here` });
}
