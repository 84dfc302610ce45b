import type { ClientBase } from 'pg';
import { exactTimestampSql, type ExportedRow } from './exported-row';

/**
 * The export's statements on the collector's `readings` table
 * (device_id text, ts timestamptz, metric text, value double precision, PRIMARY KEY (device_id, ts, metric), index on ts).
 * Rows are taken in key order (ts, device_id, metric), so "the oldest rows" is well defined even
 * when many share a timestamp.
 */
export type Database = Pick<ClientBase, 'query'>;

/** A row's identity in key order: where a chunk starts or ends. */
export type RowKey = Pick<ExportedRow, 'ts' | 'deviceId' | 'metric'>;

interface RowRecord {
  device_id: string;
  ts: string;
  metric: string;
  value: number;
}

const SELECTED_COLUMNS = `device_id, ${exactTimestampSql('ts')} AS ts, metric, value`;

/** The exact timestamp of the oldest row before `before` (ISO 8601 or `infinity`), if any. */
export async function oldestTimestamp(db: Database, before: string): Promise<string | undefined> {
  const { rows } = await db.query<{ ts: string | null }>(
    `SELECT ${exactTimestampSql('min(ts)')} AS ts FROM readings WHERE ts < $1::timestamptz`,
    [before],
  );
  return rows[0]?.ts ?? undefined;
}

/** Up to `limit` rows from `from` (inclusive) to `before` (exclusive), in key order. */
export async function selectRows(db: Database, from: string, before: string, limit: number): Promise<ExportedRow[]> {
  const { rows } = await db.query<RowRecord>(
    `SELECT ${SELECTED_COLUMNS} FROM readings
      WHERE ts >= $1::timestamptz AND ts < $2::timestamptz
      ORDER BY ts, device_id, metric
      LIMIT $3`,
    [from, before, limit],
  );
  return rows.map(toExportedRow);
}

/** Every row from `first` to `last` in key order, both included. */
export async function selectKeyRange(db: Database, first: RowKey, last: RowKey): Promise<ExportedRow[]> {
  // The plain ts bounds let the planner use the ts index; the row comparisons cut exactly.
  const { rows } = await db.query<RowRecord>(
    `SELECT ${SELECTED_COLUMNS} FROM readings
      WHERE ts BETWEEN $1::timestamptz AND $4::timestamptz
        AND (ts, device_id, metric) >= ($1::timestamptz, $2::text, $3::text)
        AND (ts, device_id, metric) <= ($4::timestamptz, $5::text, $6::text)
      ORDER BY ts, device_id, metric`,
    [first.ts, first.deviceId, first.metric, last.ts, last.deviceId, last.metric],
  );
  return rows.map(toExportedRow);
}

/**
 * Deletes the rows that match all four columns of one of `rows`, and says how many it deleted.
 * A row whose value changed since it was read is not deleted, so the caller's count check catches it.
 */
export async function deleteExactly(db: Database, rows: readonly ExportedRow[]): Promise<number> {
  const result = await db.query(
    `DELETE FROM readings r
      USING unnest($1::text[], $2::timestamptz[], $3::text[], $4::float8[]) AS e(device_id, ts, metric, value)
      WHERE r.device_id = e.device_id AND r.ts = e.ts AND r.metric = e.metric AND r.value = e.value`,
    [rows.map((r) => r.deviceId), rows.map((r) => r.ts), rows.map((r) => r.metric), rows.map((r) => r.value)],
  );
  return result.rowCount ?? 0;
}

function toExportedRow(record: RowRecord): ExportedRow {
  return { deviceId: record.device_id, ts: record.ts, metric: record.metric, value: record.value };
}
