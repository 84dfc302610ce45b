import { CfnOutput, Stack } from 'aws-cdk-lib';
import { PublicEntrance } from '../../lib/constructs/public-entrance';
import { TelemetryAurora } from '../../lib/constructs/telemetry-aurora';
import { collectorFleet } from './collector-pool';
import { iotFoundation } from './foundation';
import { IotPlatformOptions } from './options';

/**
 * Stage 2, Aurora: Oracle gives way to Aurora PostgreSQL and the collector swaps one storage adapter.
 * Oracle leaves with a final snapshot (kept with its key and credentials) and stops billing, which is
 * where the talk's saving comes from. Rows written before the switch are in the snapshot; the README
 * describes bringing them into Aurora with DMS.
 */
export function buildAurora(stack: Stack, options: IotPlatformOptions): void {
  const { network, logs, alerts } = iotFoundation(stack, options, { egress: true });
  const aurora = new TelemetryAurora(stack, 'Aurora', { network, alerts });
  const entrance = new PublicEntrance(stack, 'Ingestion', { network, accessLogs: logs.bucket, alerts, certificateArn: options.certificateArn });
  collectorFleet(stack, { network, alerts, entrance, store: 'postgres', database: aurora });

  new CfnOutput(stack, 'IngestUrl', { value: `${entrance.url}/telemetry`, description: 'POST telemetry records here' });
}
