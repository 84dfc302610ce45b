import { Client } from 'pg';
import { dayOf } from '../../../../lib/runtime/telemetry/archive-format';
import { CREATE_PARTITIONED_READINGS_SQL, ensureDayPartitions } from '../../../../lib/runtime/telemetry/readings-partitions';
import { exactTimestampSql } from '../../../../lib/runtime/telemetry-jobs/exported-row';
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
  /** Inserts into `readings`, making the rows' day partitions first when the table is partitioned. */
  insert(rows: readonly Row[]): Promise<void>;
  /** Every row of `readings` (all its partitions), in key order. */
  rows(): Promise<Row[]>;
  /** Every row of one table, in key order. */
  rowsOf(table: string): Promise<Row[]>;
  /** Tables whose name starts with `readings`, sorted. */
  tables(): Promise<string[]>;
  /** Back to an empty `readings` table (partitioned, or the plain one of stage 2): cheaper than a new database per test. */
  reset(kind?: 'partitioned' | 'plain'): Promise<void>;
  close(): Promise<void>;
}

/** The collector's table before partitioning (stage 2, and stage 3 before this version). */
const PLAIN_READINGS_TABLE = `CREATE TABLE readings (
  device_id text NOT NULL,
  ts timestamptz NOT NULL,
  metric text NOT NULL,
  value double precision NOT NULL,
  PRIMARY KEY (device_id, ts, metric)
);
CREATE INDEX readings_ts_idx ON readings (ts);`;

export async function createReadingsDatabase(kind: 'partitioned' | 'plain' = 'partitioned'): Promise<ReadingsDatabase> {
  const database: TestDatabase = await createTestDatabase();
  const client = new Client({ connectionString: database.url });
  await client.connect();
  const tables = async () =>
    (await client.query<{ name: string }>(`SELECT relname AS name FROM pg_class WHERE relkind IN ('r', 'p') AND relname LIKE 'readings%' ORDER BY relname`)).rows.map((r) => r.name);
  const create = async (k: 'partitioned' | 'plain') => {
    await client.query(k === 'plain' ? PLAIN_READINGS_TABLE : CREATE_PARTITIONED_READINGS_SQL);
  };
  await create(kind);
  const rowsOf = async (table: string) => {
    const result = await client.query<{ device_id: string; ts: string; metric: string; value: number }>(
      `SELECT device_id, ${exactTimestampSql('ts')} AS ts, metric, value FROM "${table}" ORDER BY ts, device_id, metric`,
    );
    return result.rows.map((r) => ({ deviceId: r.device_id, ts: r.ts, metric: r.metric, value: r.value }));
  };
  return {
    url: database.url,
    client,
    insert: async (rows) => {
      const { rows: kinds } = await client.query<{ kind: string }>(`SELECT relkind::text AS kind FROM pg_class WHERE relname = 'readings'`);
      if (kinds[0]?.kind === 'p') await ensureDayPartitions(client, rows.map((r) => dayOf(new Date(`${r.ts.slice(0, 23)}Z`))));
      await client.query(
        'INSERT INTO readings SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::float8[])',
        [rows.map((r) => r.deviceId), rows.map((r) => r.ts), rows.map((r) => r.metric), rows.map((r) => r.value)],
      );
    },
    rows: () => rowsOf('readings'),
    rowsOf,
    tables,
    reset: async (k = 'partitioned') => {
      const names = await tables();
      if (names.length > 0) await client.query(`DROP TABLE IF EXISTS ${names.map((n) => `"${n}"`).join(', ')} CASCADE`);
      await create(k);
    },
    close: async () => {
      await client.end();
      await database.drop();
    },
  };
}
