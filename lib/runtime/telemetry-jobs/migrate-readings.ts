import type { Logger } from '../shared/json-logger';
import { CREATE_PARTITIONED_READINGS_SQL, ensureDayPartitions, nextDay, readingsKind, READINGS_TABLE } from '../telemetry/readings-partitions';
import { type Database, inTransaction } from './readings-table';

/**
 * From the plain `readings` table of stages 2 (and of stage 3 before partitioning) to the table
 * partitioned by day that the export archives a day at a time. Run by the export job at its start
 * whenever it finds the plain table, and finished by the next run if a run dies part way:
 *
 * 1. One short transaction renames the plain table to `readings_unpartitioned` and creates the
 *    partitioned `readings` in its place. Collectors' writes wait for that moment and then go to the
 *    new table (PostgreSQL looks the name up again once it has the lock).
 * 2. The old rows move into their days' partitions newest day first, in batches that each delete
 *    from the old table and insert into the new one in one statement: a crash loses nothing and
 *    copies nothing twice. The collector's read routes, which look back a week at most, have their
 *    window back after the first days.
 * 3. The empty old table is dropped.
 */
export const UNPARTITIONED_TABLE = 'readings_unpartitioned';

/** Rows moved per statement: short transactions, so the old table's locks and the WAL stay small. */
export const DEFAULT_MIGRATION_BATCH_ROWS = 50_000;

export interface MigrationSummary {
  readonly migrated: boolean;
  readonly rows: number;
  readonly days: number;
}

export async function migrateToDayPartitions(
  db: Database,
  log: Pick<Logger, 'info'>,
  batchRows: number = DEFAULT_MIGRATION_BATCH_ROWS,
): Promise<MigrationSummary> {
  const kind = await readingsKind(db);
  if (kind === 'absent') {
    await db.query(CREATE_PARTITIONED_READINGS_SQL);
  } else if (kind === 'plain') {
    await inTransaction(db, async () => {
      await db.query(`LOCK TABLE ${READINGS_TABLE} IN ACCESS EXCLUSIVE MODE`);
      await db.query(`ALTER TABLE ${READINGS_TABLE} RENAME TO ${UNPARTITIONED_TABLE}`);
      // The new table's primary key index takes the name readings_pkey.
      await db.query(`ALTER INDEX IF EXISTS readings_pkey RENAME TO ${UNPARTITIONED_TABLE}_pkey`);
      await db.query(CREATE_PARTITIONED_READINGS_SQL);
    });
    log.info('readings-partitioning-started', { oldTable: UNPARTITIONED_TABLE });
  }
  if (!(await tableExists(db, UNPARTITIONED_TABLE))) return { migrated: kind === 'plain', rows: 0, days: 0 };

  let rows = 0;
  let days = 0;
  for (;;) {
    // The day as PostgreSQL sees it: a JS Date of 23:59:59.9999995 would round into the next day.
    const { rows: newest } = await db.query<{ day: string | null }>(`SELECT to_char(max(ts) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day FROM ${UNPARTITIONED_TABLE}`);
    const day = newest[0]?.day;
    if (!day) break;
    await ensureDayPartitions(db, [day]);
    let moved = 0;
    for (;;) {
      const result = await db.query(
        `WITH moved AS (
           DELETE FROM ${UNPARTITIONED_TABLE}
            WHERE ctid = ANY (ARRAY(SELECT ctid FROM ${UNPARTITIONED_TABLE} WHERE ts >= $1::timestamptz AND ts < $2::timestamptz LIMIT $3))
           RETURNING device_id, ts, metric, value)
         INSERT INTO ${READINGS_TABLE} (device_id, ts, metric, value) SELECT device_id, ts, metric, value FROM moved ON CONFLICT DO NOTHING`,
        [`${day}T00:00:00Z`, `${nextDay(day)}T00:00:00Z`, batchRows],
      );
      moved += result.rowCount ?? 0;
      if ((result.rowCount ?? 0) === 0 && !(await hasRowsOfDay(db, day))) break;
    }
    rows += moved;
    days += 1;
    log.info('readings-day-partitioned', { day, rows: moved });
  }
  await db.query(`DROP TABLE ${UNPARTITIONED_TABLE}`);
  log.info('readings-partitioning-finished', { rows, days });
  return { migrated: true, rows, days };
}

async function tableExists(db: Database, name: string): Promise<boolean> {
  const { rows } = await db.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [name]);
  return rows[0]?.found === true;
}

async function hasRowsOfDay(db: Database, day: string): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM ${UNPARTITIONED_TABLE} WHERE ts >= $1::timestamptz AND ts < $2::timestamptz LIMIT 1`, [
    `${day}T00:00:00Z`,
    `${nextDay(day)}T00:00:00Z`,
  ]);
  return rows.length > 0;
}
