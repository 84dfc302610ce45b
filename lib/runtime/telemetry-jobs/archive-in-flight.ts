import { randomBytes } from 'node:crypto';
import type { DayPartition } from '../telemetry/readings-partitions';
import { type Database, inTransaction, tableIdentifier } from './readings-table';

/**
 * The export's write-ahead record, a table of its own next to `readings`. Taking a day commits its
 * record and renames its partition to the record's table name in one transaction; the transaction
 * that drops the table deletes the record. So a record found at start means exactly "this day's
 * table exists and is not yet (certainly) archived", and fixes the object names and the rows per
 * object, so finishing it overwrites whatever a crashed run uploaded instead of adding a copy.
 */
export interface DayInFlight {
  /** `readings_archiving_<yyyymmdd>_<export id>`: no longer the day's partition name, so the collector can make a new one for late readings. */
  readonly table: string;
  readonly day: string;
  /** 16 hex digits, in every object name of this day's export. */
  readonly exportId: string;
  readonly rowsPerObject: number;
}

export const IN_FLIGHT_TABLE = 'readings_archive_in_flight';

export async function ensureInFlightTable(db: Database): Promise<void> {
  await db.query(`CREATE TABLE IF NOT EXISTS ${IN_FLIGHT_TABLE} (
    table_name text PRIMARY KEY,
    day date NOT NULL,
    export_id text NOT NULL,
    rows_per_object integer NOT NULL CHECK (rows_per_object > 0),
    recorded_at timestamptz NOT NULL DEFAULT now()
  )`);
}

/** Days a previous run took and did not finish, oldest first. */
export async function listInFlight(db: Database): Promise<DayInFlight[]> {
  const { rows } = await db.query<{ table_name: string; day: string; export_id: string; rows_per_object: number }>(
    `SELECT table_name, to_char(day, 'YYYY-MM-DD') AS day, export_id, rows_per_object FROM ${IN_FLIGHT_TABLE} ORDER BY day, table_name`,
  );
  return rows.map((r) => ({ table: r.table_name, day: r.day, exportId: r.export_id, rowsPerObject: r.rows_per_object }));
}

/** Records a day as taken and renames its partition, atomically. It stays attached until detached. */
export async function takeDay(db: Database, partition: DayPartition, rowsPerObject: number): Promise<DayInFlight> {
  const exportId = randomBytes(8).toString('hex');
  const taken: DayInFlight = { table: `readings_archiving_${partition.day.replace(/-/g, '')}_${exportId}`, day: partition.day, exportId, rowsPerObject };
  await inTransaction(db, async () => {
    await db.query(`INSERT INTO ${IN_FLIGHT_TABLE} (table_name, day, export_id, rows_per_object) VALUES ($1, $2::date, $3, $4)`, [
      taken.table,
      taken.day,
      taken.exportId,
      taken.rowsPerObject,
    ]);
    await db.query(`ALTER TABLE ${tableIdentifier(partition.name)} RENAME TO ${tableIdentifier(taken.table)}`);
  });
  return taken;
}

/** Drops the archived day's table and its record, atomically. */
export async function finishDay(db: Database, day: DayInFlight): Promise<void> {
  await inTransaction(db, async () => {
    await db.query(`DROP TABLE IF EXISTS ${tableIdentifier(day.table)}`);
    await db.query(`DELETE FROM ${IN_FLIGHT_TABLE} WHERE table_name = $1`, [day.table]);
  });
}
