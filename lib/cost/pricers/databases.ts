import { CfnResource, numberOf, referencedResource } from '../template-facts';
import { count, line, PricedLine, Pricer, PricingContext, Unpriceable, usageBasis, used } from './pricer';

const BACKUP_NOTE = 'backup storage up to the database size is free; retention beyond it is not modelled';

/** The instance class of Aurora Serverless v2 and DocumentDB Serverless members. */
const SERVERLESS_CLASS = 'db.serverless';

/**
 * A serverless member's capacity-unit hours: the load profile's average capacity when it gives one,
 * otherwise the floor its cluster's scaling configuration keeps it at (what an idle member bills).
 */
function serverlessCapacity(instance: CfnResource, id: string, context: PricingContext, unit: string): { quantity: number; basis: string } {
  const usage = context.usage(id);
  const average = usage.quantities.averageCapacityUnits;
  if (average !== undefined) return { quantity: average * context.hours, basis: usageBasis(usage, `${average} ${unit} on average, ${context.hours} h`) };
  const cluster = referencedResource(context.template, instance.Properties?.DBClusterIdentifier)?.[1];
  const floor = numberOf((cluster?.Properties?.ServerlessV2ScalingConfiguration as { MinCapacity?: unknown } | undefined)?.MinCapacity);
  if (floor === undefined) throw new Unpriceable('a serverless member whose cluster has no scaling minimum');
  return { quantity: floor * context.hours, basis: `template: idle at the scaling minimum, ${floor} ${unit} for ${context.hours} h` };
}

/** The engine and licence part of an RDS instance price key. */
function rdsEngineKey(engine: string, licence: string | undefined): string {
  if (/^oracle-se2/.test(engine) && licence === 'license-included') return 'oracle-se2-li';
  throw new Unpriceable(`RDS engine ${engine}${licence ? ` (${licence})` : ''} has no price here`);
}

/**
 * An RDS DB instance. In an Aurora cluster: the instance hours (storage and I/O are the cluster's).
 * Standalone: instance hours by engine, licence, class and Multi-AZ, and provisioned storage, billed
 * for the standby too under Multi-AZ.
 */
export const rdsInstance: Pricer = (id, instance, context) => {
  const p = instance.Properties ?? {};
  const cls = String(p.DBInstanceClass);
  const engine = String(p.Engine ?? '');
  if (p.DBClusterIdentifier !== undefined) {
    if (!engine.startsWith('aurora')) throw new Unpriceable(`cluster member of engine ${engine} is not priced`);
    if (cls === SERVERLESS_CLASS) {
      const { quantity, basis } = serverlessCapacity(instance, id, context, 'ACU');
      return [line(context, 'Amazon Aurora', `Serverless v2 capacity (${engine})`, `aurora.${cls}`, quantity, basis)];
    }
    return [line(context, 'Amazon Aurora', `${cls} instance (${engine})`, `aurora.${cls}`, context.hours, `template: one instance, ${context.hours} h`)];
  }
  const az = p.MultiAZ === true || p.MultiAZ === 'true' ? 'multi-az' : 'single-az';
  const azText = az === 'multi-az' ? 'Multi-AZ' : 'Single-AZ';
  const storageType = String(p.StorageType ?? 'gp2');
  if (storageType !== 'gp3' && storageType !== 'io1') throw new Unpriceable(`RDS ${storageType} storage has no price here`);
  const allocated = numberOf(p.AllocatedStorage) ?? 0;
  const usage = context.usage(id);
  // Storage autoscaling may have grown the volume past what the template allocated.
  const grownTo = Math.min(used(usage, 'storedGb'), numberOf(p.MaxAllocatedStorage) ?? allocated);
  const gb = Math.max(allocated, grownTo);
  const storageBasis = gb > allocated ? usageBasis(usage, `grown to ${gb} GB by storage autoscaling`) : `template: ${allocated} GB allocated (${BACKUP_NOTE})`;
  const lines: PricedLine[] = [
    line(context, 'Amazon RDS', `${cls} instance, ${engine}, ${p.LicenseModel ?? ''}, ${azText}`, `rds.${rdsEngineKey(engine, p.LicenseModel as string | undefined)}.${cls}.${az}`, context.hours, `template: ${context.hours} h`),
    line(context, 'Amazon RDS', `${storageType} storage, ${azText}`, `rds.${storageType}.${az}`, gb, storageBasis),
  ];
  if (p.Iops !== undefined && storageType === 'io1') throw new Unpriceable('provisioned IOPS are not priced');
  return lines;
};

/** An Aurora cluster: storage used and, on Aurora Standard, I/O requests. */
export const rdsCluster: Pricer = (id, cluster, context) => {
  const p = cluster.Properties ?? {};
  const engine = String(p.Engine ?? '');
  if (!engine.startsWith('aurora')) throw new Unpriceable(`Multi-AZ DB clusters of ${engine} are not priced`);
  if (p.StorageType === 'aurora-iopt1') throw new Unpriceable('Aurora I/O-Optimized has no price here');
  const usage = context.usage(id);
  const gb = used(usage, 'storedGb');
  const io = used(usage, 'ioRequests');
  return [
    line(context, 'Amazon Aurora', 'storage (Aurora Standard)', 'aurora.storage', gb, usageBasis(usage, `${count(gb)} GB stored; ${BACKUP_NOTE}`)),
    line(context, 'Amazon Aurora', 'I/O requests (Aurora Standard)', 'aurora.io', io / 1e6, usageBasis(usage, `${count(io)} I/Os`)),
  ];
};

/** A DocumentDB instance: its hours, or a serverless member's capacity-unit hours. */
export const docdbInstance: Pricer = (id, instance, context) => {
  const cls = String(instance.Properties?.DBInstanceClass);
  if (cls === SERVERLESS_CLASS) {
    const { quantity, basis } = serverlessCapacity(instance, id, context, 'DCU');
    return [line(context, 'Amazon DocumentDB', 'Serverless capacity', `docdb.${cls}`, quantity, basis)];
  }
  return [line(context, 'Amazon DocumentDB', `${cls} instance`, `docdb.${cls}`, context.hours, `template: one instance, ${context.hours} h`)];
};

/** A DocumentDB cluster: storage used and I/O requests (standard storage). */
export const docdbCluster: Pricer = (id, cluster, context) => {
  if (cluster.Properties?.StorageType === 'iopt1') throw new Unpriceable('DocumentDB I/O-Optimized has no price here');
  const usage = context.usage(id);
  const gb = used(usage, 'storedGb');
  const io = used(usage, 'ioRequests');
  return [
    line(context, 'Amazon DocumentDB', 'storage', 'docdb.storage', gb, usageBasis(usage, `${gb} GB stored; ${BACKUP_NOTE}`)),
    line(context, 'Amazon DocumentDB', 'I/O requests', 'docdb.io', io / 1e6, usageBasis(usage, `${count(io)} I/Os`)),
  ];
};

/** A DynamoDB table on demand, in one Region: request units, storage and point-in-time recovery. */
export const dynamoTable: Pricer = (id, table, context) => {
  const p = table.Properties ?? {};
  const billing = p.BillingMode ?? 'PROVISIONED';
  if (billing !== 'PAY_PER_REQUEST') throw new Unpriceable('provisioned capacity is not priced');
  const replicas = (p.Replicas as Array<{ PointInTimeRecoverySpecification?: { PointInTimeRecoveryEnabled?: boolean } }> | undefined) ?? [p];
  if (replicas.length > 1) throw new Unpriceable('replicated (global) writes are not priced');
  const pitr = (replicas[0] as { PointInTimeRecoverySpecification?: { PointInTimeRecoveryEnabled?: boolean } }).PointInTimeRecoverySpecification?.PointInTimeRecoveryEnabled === true;
  const usage = context.usage(id);
  const wru = used(usage, 'writeRequestUnits');
  const rru = used(usage, 'readRequestUnits');
  const gb = used(usage, 'storedGb');
  const lines: PricedLine[] = [
    line(context, 'Amazon DynamoDB', 'write request units (on demand)', 'dynamodb.wru', wru / 1e6, usageBasis(usage, `${count(wru)} WRU`)),
    line(context, 'Amazon DynamoDB', 'read request units (on demand)', 'dynamodb.rru', rru / 1e6, usageBasis(usage, `${count(rru)} RRU`)),
    line(context, 'Amazon DynamoDB', 'table storage', 'dynamodb.storage', gb, usageBasis(usage, `${count(gb)} GB stored`)),
  ];
  if (pitr) lines.push(line(context, 'Amazon DynamoDB', 'point-in-time recovery', 'dynamodb.pitr', gb, `template: PITR on; ${usageBasis(usage, `${count(gb)} GB`)}`));
  return lines;
};
