import { CfnOutput, Stack } from 'aws-cdk-lib';
import { PublicEntrance } from '../../lib/constructs/public-entrance';
import { RealtimeReadings } from '../../lib/constructs/realtime-readings';
import { watchTableHealth } from '../../lib/constructs/table-health';
import { TelemetryAurora } from '../../lib/constructs/telemetry-aurora';
import { archiveTier } from './archive-export';
import { collectorFleet } from './collector-pool';
import { iotFoundation } from './foundation';
import { IotPlatformOptions } from './options';

/**
 * Stage 4, DynamoDB: the real-time data (recent readings per device) moves to DynamoDB, which serves
 * the real-time reads; Aurora keeps the recent history until the nightly export archives it.
 */
export function buildDynamoDb(stack: Stack, options: IotPlatformOptions): void {
  const { network, logs, alerts } = iotFoundation(stack, options, { egress: true });
  // Real-time reads now come from DynamoDB: Aurora only takes writes until the nightly export, so its
  // compute follows that load (0.5 ACU at rest, room for the export's bursts) instead of two fixed r7g.large.
  const aurora = new TelemetryAurora(stack, 'Aurora', { network, alerts, serverlessCapacity: { minAcu: 0.5, maxAcu: 16 } });
  const realtime = new RealtimeReadings(stack, 'Realtime');
  watchTableHealth(stack, 'Realtime', realtime.table, alerts);
  const entrance = new PublicEntrance(stack, 'Ingestion', { network, accessLogs: logs.bucket, alerts, certificateArn: options.certificateArn });
  collectorFleet(stack, { network, alerts, entrance, store: 'dynamodb+postgres', database: aurora, realtime });

  const archive = archiveTier(stack, { network, alerts, aurora, accessLogs: logs.bucket, olderThanDays: options.archiveAfterDays ?? 90 });

  new CfnOutput(stack, 'IngestUrl', { value: `${entrance.url}/telemetry`, description: 'POST telemetry records here' });
  new CfnOutput(stack, 'AthenaWorkGroup', { value: archive.workGroup.ref, description: `Query ${archive.table.database.databaseName}.readings here` });
}
