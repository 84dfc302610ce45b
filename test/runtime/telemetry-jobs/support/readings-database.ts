import { Client } from 'pg';
import { exactTimestampSql } from '../../../../lib/runtime/telemetry-jobs/exported-row';
import { IN_FLIGHT_TABLE } from '../../../../lib/runtime/telemetry-jobs/in-flight-exports';
import { createTestDatabase, type TestDatabase } from '../../../support/postgres-database';

/** A row as the tests write and read it: `ts` exact to the microsecond, `2026-01-01T10:00:00.123456Z`. */
export interface Row {
  readonly deviceId: string;
  readonly ts: string;
  readonly metric: string;
  readonly value: number;
}

/** A fresh database holding the collector's `readings` table, and a connection to it. */
export interface ReadingsDatabase {
  readonly url: string;
  readonly client: Client;
  insert(rows: readonly Row[]): Promise<void>;
  /** Every row, in key order. */
  rows(): Promise<Row[]>;
  /** Back to an empty `readings` table, without the export's own table: cheaper than a new database per test. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** The collector's table, exactly as the collector creates it. */
const READINGS_TABLE = `CREATE TABLE readings (
  device_id text NOT NULL,
  ts timestamptz NOT NULL,
  metric text NOT NULL,
  value double precision NOT NULL,
  PRIMARY KEY (device_id, ts, metric)
);
CREATE INDEX readings_ts ON readings (ts);`;

export async function createReadingsDatabase(): Promise<ReadingsDatabase> {
  const database: TestDatabase = await createTestDatabase();
  const client = new Client({ connectionString: database.url });
  await client.connect();
  await client.query(READINGS_TABLE);
  return {
    url: database.url,
    client,
    insert: async (rows) => {
      await client.query(
        'INSERT INTO readings SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::float8[])',
        [rows.map((r) => r.deviceId), rows.map((r) => r.ts), rows.map((r) => r.metric), rows.map((r) => r.value)],
      );
    },
    rows: async () => {
      const result = await client.query<{ device_id: string; ts: string; metric: string; value: number }>(
        `SELECT device_id, ${exactTimestampSql('ts')} AS ts, metric, value FROM readings ORDER BY ts, device_id, metric`,
      );
      return result.rows.map((r) => ({ deviceId: r.device_id, ts: r.ts, metric: r.metric, value: r.value }));
    },
    reset: async () => {
      await client.query(`TRUNCATE readings; DROP TABLE IF EXISTS ${IN_FLIGHT_TABLE}`);
    },
    close: async () => {
      await client.end();
      await database.drop();
    },
  };
}
