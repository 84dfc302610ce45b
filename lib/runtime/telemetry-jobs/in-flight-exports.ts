import { exactTimestampSql, type ExportedRow } from './exported-row';
import type { Database, RowKey } from './readings-table';

/**
 * The export's write-ahead record, a table of its own next to `readings`. Before a chunk is
 * uploaded, its object key and the key range of its rows are committed here; the transaction that
 * deletes the chunk's rows deletes its record too. So a record found at start means exactly
 * "maybe uploaded, certainly not deleted", and names the object to overwrite: a re-run never
 * leaves a second copy of those rows behind, whatever arrived meanwhile.
 */
export interface InFlightExport {
  readonly objectKey: string;
  readonly first: RowKey;
  readonly last: RowKey;
  readonly rowCount: number;
}

export const IN_FLIGHT_TABLE = 'readings_export_in_flight';

export async function ensureInFlightTable(db: Database): Promise<void> {
  await db.query(`CREATE TABLE IF NOT EXISTS ${IN_FLIGHT_TABLE} (
    object_key text PRIMARY KEY,
    first_ts timestamptz NOT NULL,
    first_device_id text NOT NULL,
    first_metric text NOT NULL,
    last_ts timestamptz NOT NULL,
    last_device_id text NOT NULL,
    last_metric text NOT NULL,
    row_count integer NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
  )`);
}

/** Commits the record of a chunk about to be uploaded; `rows` are in key order. */
export async function recordInFlight(db: Database, objectKey: string, rows: readonly ExportedRow[]): Promise<void> {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) throw new Error('an in-flight chunk needs at least one row');
  await db.query(
    `INSERT INTO ${IN_FLIGHT_TABLE} (object_key, first_ts, first_device_id, first_metric, last_ts, last_device_id, last_metric, row_count)
     VALUES ($1, $2::timestamptz, $3, $4, $5::timestamptz, $6, $7, $8)`,
    [objectKey, first.ts, first.deviceId, first.metric, last.ts, last.deviceId, last.metric, rows.length],
  );
}

/** Chunks a previous run recorded and did not finish, oldest first. */
export async function listInFlight(db: Database): Promise<InFlightExport[]> {
  const { rows } = await db.query<{
    object_key: string;
    first_ts: string;
    first_device_id: string;
    first_metric: string;
    last_ts: string;
    last_device_id: string;
    last_metric: string;
    row_count: number;
  }>(
    `SELECT object_key, ${exactTimestampSql('first_ts')} AS first_ts, first_device_id, first_metric,
            ${exactTimestampSql('last_ts')} AS last_ts, last_device_id, last_metric, row_count
       FROM ${IN_FLIGHT_TABLE}
      ORDER BY first_ts, first_device_id, first_metric`,
  );
  return rows.map((r) => ({
    objectKey: r.object_key,
    first: { ts: r.first_ts, deviceId: r.first_device_id, metric: r.first_metric },
    last: { ts: r.last_ts, deviceId: r.last_device_id, metric: r.last_metric },
    rowCount: r.row_count,
  }));
}

/** Deletes a chunk's record; call it in the transaction that deletes the chunk's rows. */
export async function clearInFlight(db: Database, objectKey: string): Promise<number> {
  const result = await db.query(`DELETE FROM ${IN_FLIGHT_TABLE} WHERE object_key = $1`, [objectKey]);
  return result.rowCount ?? 0;
}
