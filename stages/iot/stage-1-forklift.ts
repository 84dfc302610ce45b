import { CfnOutput, Stack } from 'aws-cdk-lib';
import { acknowledge } from '../../lib/checks/acknowledge';
import { PublicEntrance } from '../../lib/constructs/public-entrance';
import { ORACLE_WORKSHOP_STORAGE_GIB, oracleStorageCeilingGiB, TelemetryOracle } from '../../lib/constructs/telemetry-oracle';
import { collectorFleet } from './collector-pool';
import { iotFoundation } from './foundation';
import { IotPlatformOptions } from './options';

/**
 * Stage 1, the forklift: the on-premises design as it ran there. An ingestion load balancer, one fleet
 * that collects and analyses, and RDS for Oracle sized at its storage ceiling up front.
 */
export function buildForklift(stack: Stack, options: IotPlatformOptions): void {
  const { network, logs, alerts } = iotFoundation(stack, options, { egress: true });
  // The lesson is cost: a licensed engine and, at the talk's scale (-c oracleStorageGiB=65536), 64 TiB
  // bought before a byte is written. A workshop deploy gets a small volume that grows on its own.
  const oracle = new TelemetryOracle(stack, 'Oracle', { network, alerts, allocatedStorageGiB: options.oracleStorageGiB });
  const entrance = new PublicEntrance(stack, 'Ingestion', { network, accessLogs: logs.bucket, alerts, certificateArn: options.certificateArn });
  collectorFleet(stack, { network, alerts, entrance, store: 'oracle', database: oracle });
  acknowledge(oracle.instance, {
    rule: 'WellArchitected-NoCommercialLicence',
    reason: 'The talk\'s lesson: RDS for Oracle with the licence included, forklifted as it ran; Aurora replaces it in stage 2 for a 49% saving.',
  });
  if (oracleStorageCeilingGiB(options.oracleStorageGiB ?? ORACLE_WORKSHOP_STORAGE_GIB) === undefined) {
    acknowledge(oracle.instance, {
      rule: 'WellArchitected-StorageGrowsWithUse',
      reason: 'The talk\'s lesson: storage bought up front at the ceiling, as the on-premises SAN was a sunk cost; it filled every eight days anyway. Aurora storage grows with use (stage 2).',
    });
  }

  new CfnOutput(stack, 'IngestUrl', { value: `${entrance.url}/telemetry`, description: 'POST telemetry records here' });
}
