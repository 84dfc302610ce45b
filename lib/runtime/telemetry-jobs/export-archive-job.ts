import type { Logger } from '../shared/json-logger';
import { type DayPartition, dayPartitions, daysAround, ensureDayPartitions, isAttached, nextDay, READINGS_TABLE } from '../telemetry/readings-partitions';
import { type DayInFlight, ensureInFlightTable, finishDay, listInFlight, takeDay } from './archive-in-flight';
import { type ArchiveContext, archiveDay } from './day-archive';
import { acquireExportLock, releaseExportLock } from './export-lock';
import { migrateToDayPartitions } from './migrate-readings';
import { type Database, tableIdentifier } from './readings-table';

/**
 * Stage 3's export: moves every day of Aurora's `readings` that ended before the cutoff to the S3
 * archive, a whole day partition at a time, oldest first. Per day: record it and rename its
 * partition (one transaction), detach it without blocking writers (DETACH ... CONCURRENTLY), write
 * its rows to Parquet objects, then drop the table and the record (one transaction). No row is ever
 * deleted one by one, so the table neither bloats nor needs vacuuming after a night's export. A run
 * that dies anywhere is finished by the next one (see archive-in-flight.ts): nothing is lost and
 * nothing archived twice.
 */
export interface ExportOptions extends Omit<ArchiveContext, 'pageRows'> {
  /** One connection, not a pool: the run's lock belongs to its session. */
  readonly db: Database;
  /** Days that ended at or before this moment are moved; `undefined` moves every day, today's too. */
  readonly cutoff: Date | undefined;
  /** Rows per archive object. */
  readonly rowsPerObject: number;
  /** Rows per query and Parquet row group; default 50,000. */
  readonly pageRows?: number;
  readonly log: Pick<Logger, 'info' | 'error'>;
  /** How long to wait for the lock a previous run may still hold; default 30 s. */
  readonly lockWaitMs?: number;
  /** The clock the coming days' partitions are made from; default now. */
  readonly now?: Date;
}

export interface ExportSummary {
  /** ISO 8601, or null when every day was moved. */
  readonly cutoff: string | null;
  /** Day partitions archived and dropped, including those a previous run left in flight. */
  readonly days: number;
  readonly objects: number;
  readonly exported: number;
  /** Days a previous run left in flight and this one finished. */
  readonly recovered: number;
  /** Rows this run moved from a `readings` table that was not partitioned yet into day partitions. */
  readonly migrated: number;
}

const DEFAULT_LOCK_WAIT_MS = 30_000;
const DEFAULT_PAGE_ROWS = 50_000;
/** Partitions made ahead each night, so collectors never make one on the hot path. */
const DAYS_AHEAD = 7;

export async function runExport(options: ExportOptions): Promise<ExportSummary> {
  await acquireExportLock(options.db, options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS);
  try {
    await ensureInFlightTable(options.db);
    const migration = await migrateToDayPartitions(options.db, options.log);
    await ensureDayPartitions(options.db, daysAround(options.now ?? new Date(), 0, DAYS_AHEAD + 1));
    const tally = { days: 0, objects: 0, exported: 0 };
    const recovered = await listInFlight(options.db);
    for (const day of recovered) await moveDay(options, day, tally, true);
    for (const partition of await dueDays(options.db, options.cutoff)) {
      await moveDay(options, await takeDay(options.db, partition, options.rowsPerObject), tally, false);
    }
    return { cutoff: options.cutoff?.toISOString() ?? null, ...tally, recovered: recovered.length, migrated: migration.rows };
  } finally {
    // On a broken connection the lock is gone with the session; the error worth reporting is the first one.
    await releaseExportLock(options.db).catch(() => undefined);
  }
}

/** Attached day partitions whose whole day lies before the cutoff, oldest first. */
async function dueDays(db: Database, cutoff: Date | undefined): Promise<DayPartition[]> {
  const partitions = await dayPartitions(db);
  if (cutoff === undefined) return partitions;
  return partitions.filter((p) => Date.parse(`${nextDay(p.day)}T00:00:00Z`) <= cutoff.getTime());
}

/** Detaches (or finishes detaching) a taken day, archives it and drops it. */
async function moveDay(options: ExportOptions, day: DayInFlight, tally: { days: number; objects: number; exported: number }, recovered: boolean): Promise<void> {
  const { attached, detachPending } = await isAttached(options.db, day.table);
  if (detachPending) {
    await options.db.query(`ALTER TABLE ${READINGS_TABLE} DETACH PARTITION ${tableIdentifier(day.table)} FINALIZE`);
  } else if (attached) {
    // Waits for queries that may still see the partition, but blocks no writer of other days.
    await options.db.query(`ALTER TABLE ${READINGS_TABLE} DETACH PARTITION ${tableIdentifier(day.table)} CONCURRENTLY`);
  }
  const archived = await archiveDay({ ...options, pageRows: options.pageRows ?? DEFAULT_PAGE_ROWS }, day);
  await finishDay(options.db, day);
  tally.days += 1;
  tally.objects += archived.keys.length;
  tally.exported += archived.rows;
  options.log.info('day-archived', {
    day: day.day,
    exportId: day.exportId,
    objects: archived.keys.length,
    rows: archived.rows,
    bytes: archived.bytes,
    ...(recovered ? { recovered } : {}),
  });
}
