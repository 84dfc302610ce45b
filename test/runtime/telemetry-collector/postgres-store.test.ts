import type { Pool } from 'pg';
import { silentLogger } from '../../../lib/runtime/shared/json-logger';
import { StorageUnavailableError } from '../../../lib/runtime/shared/storage-unavailable';
import { openPostgresPool } from '../../../lib/runtime/telemetry-collector/postgres-pool';
import { PostgresStore, isPostgresUnavailable } from '../../../lib/runtime/telemetry-collector/postgres-store';
import { dayPartitions, daysAround, partitionName, readingsKind } from '../../../lib/runtime/telemetry/readings-partitions';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-database';
import { storeContract } from './store-contract';

const unusedCredentials = () => Promise.reject(new Error('DATABASE_URL carries the credentials'));

describe('PostgresStore on a real PostgreSQL', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    // The collector's own pool (DATABASE_URL-style), so its settings run against a real server too.
    ({ pool } = await openPostgresPool({ kind: 'url', url: db.url }, unusedCredentials, silentLogger));
    store = new PostgresStore(pool);
    // On the empty database, as a fleet starting together would.
    await Promise.all([store.ensureSchema(), store.ensureSchema(), store.ensureSchema()]);
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  storeContract(() => store);

  test('ensureSchema (already run three at once on the empty database) runs again, and creates the table partitioned by day, with the days around today', async () => {
    await store.ensureSchema();
    await store.ensureSchema();
    const { rows: columns } = await pool.query(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = 'readings' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: 'device_id', data_type: 'text', is_nullable: 'NO' },
      { column_name: 'ts', data_type: 'timestamp with time zone', is_nullable: 'NO' },
      { column_name: 'metric', data_type: 'text', is_nullable: 'NO' },
      { column_name: 'value', data_type: 'double precision', is_nullable: 'NO' },
    ]);
    const { rows: [definition] } = await pool.query(`SELECT pg_get_partkeydef('readings'::regclass) AS key`);
    expect(definition.key).toBe('RANGE (ts)');
    const { rows: indexes } = await pool.query(`SELECT indexdef FROM pg_indexes WHERE tablename = 'readings' ORDER BY indexname`);
    expect(indexes.map((i) => i.indexdef)).toEqual(['CREATE UNIQUE INDEX readings_pkey ON ONLY public.readings USING btree (device_id, ts, metric)']);
    const days = (await dayPartitions(pool)).map((p) => p.day);
    expect(days).toEqual(expect.arrayContaining(daysAround(new Date(), -1, 9)));
    const { rows: [bound] } = await pool.query(`SELECT pg_get_expr(relpartbound, oid) AS bound FROM pg_class WHERE relname = $1`, [partitionName(daysAround(new Date(), 0, 1)[0])]);
    expect(bound.bound).toMatch(/^FOR VALUES FROM \('\d{4}-\d{2}-\d{2} 00:00:00\+00'\) TO \('\d{4}-\d{2}-\d{2} 00:00:00\+00'\)$/);
  });

  test('a reading for a day without a partition creates that day, even when many writers hit it at once', async () => {
    const ts = new Date('2021-03-04T05:06:07.089Z');
    await Promise.all(Array.from({ length: 8 }, (_, i) => store.write([{ deviceId: `old-${i}`, ts, metric: 'temp', value: i }])));
    expect((await dayPartitions(pool)).map((p) => p.day)).toContain('2021-03-04');
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM readings_20210304`);
    expect(rows[0].n).toBe(8);
  });

  test('a readings table from before partitioning is left as it is, and still written and read', async () => {
    const legacy = await createTestDatabase();
    const { pool: legacyPool } = await openPostgresPool({ kind: 'url', url: legacy.url }, unusedCredentials, silentLogger);
    const warnings: string[] = [];
    try {
      await legacyPool.query(`CREATE TABLE readings (device_id text NOT NULL, ts timestamptz NOT NULL, metric text NOT NULL, value double precision NOT NULL, PRIMARY KEY (device_id, ts, metric))`);
      const old = new PostgresStore(legacyPool, () => {}, { warn: (event) => void warnings.push(event) });
      await old.ensureSchema();
      expect(await readingsKind(legacyPool)).toBe('plain');
      expect(warnings).toEqual(['postgres.readings_unpartitioned']);
      const ts = new Date('2026-11-26T10:00:00Z');
      await old.write([{ deviceId: 'legacy-1', ts, metric: 'temp', value: 3 }]);
      expect(await old.stats('legacy-1', ts, ts)).toEqual({ temp: { count: 1, min: 3, max: 3, mean: 3 } });
    } finally {
      await legacyPool.end();
      await legacy.drop();
    }
  });

  test('a batch is one INSERT: a row that breaks it stores none of the batch', async () => {
    const ts = new Date('2026-11-26T10:00:00Z');
    const write = store.write([
      { deviceId: 'atomic-1', ts, metric: 'temp', value: 1 },
      { deviceId: 'atomic-1', ts, metric: 'bad\u0000metric', value: 2 }, // PostgreSQL text cannot hold NUL
    ]);
    await expect(write).rejects.toThrow();
    expect(await store.stats('atomic-1', ts, ts)).toEqual({});
  });

  test('stats are aggregated by the database: one row per metric comes back, not one per reading', async () => {
    const start = Date.UTC(2026, 10, 20, 0, 0, 0);
    const readings = Array.from({ length: 5_000 }, (_, i) => ({ deviceId: 'agg-1', ts: new Date(start + i * 1000), metric: i % 2 ? 'temp' : 'rpm', value: i }));
    await store.write(readings);
    const seen: number[] = [];
    const counting = new PostgresStore({
      query: async (text, values) => {
        const result = await pool.query(text, values);
        seen.push(result.rows.length);
        return result as never;
      },
      end: async () => {},
    });
    expect(await counting.stats('agg-1', new Date(start), new Date(start + 4_999_000))).toEqual({
      rpm: { count: 2_500, min: 0, max: 4_998, mean: 2_499 },
      temp: { count: 2_500, min: 1, max: 4_999, mean: 2_500 },
    });
    expect(seen).toEqual([2]);
  });

  test('a mean whose float8 sum would overflow is still exact', async () => {
    const ts = new Date('2026-11-21T00:00:00Z');
    await store.write([
      { deviceId: 'huge-1', ts, metric: 'x', value: 1.7e308 },
      { deviceId: 'huge-1', ts: new Date(ts.getTime() + 1000), metric: 'x', value: 1.7e308 },
    ]);
    expect(await store.stats('huge-1', ts, new Date(ts.getTime() + 1000))).toEqual({ x: { count: 2, min: 1.7e308, max: 1.7e308, mean: 1.7e308 } });
  });

  test('an unreachable server is StorageUnavailableError', async () => {
    const { pool: nowhere } = await openPostgresPool({ kind: 'url', url: 'postgres://app@127.0.0.1:1/none' }, unusedCredentials, silentLogger);
    const unreachable = new PostgresStore(nowhere);
    await expect(unreachable.write([{ deviceId: 'x', ts: new Date(), metric: 'temp', value: 1 }])).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(unreachable.ping()).rejects.toBeInstanceOf(StorageUnavailableError);
    await unreachable.close();
  });

  test('a rejected password asks for fresh credentials', async () => {
    let forgotten = 0;
    const failing = new PostgresStore(
      { query: async () => Promise.reject(Object.assign(new Error('password authentication failed'), { code: '28P01' })), end: async () => {} },
      () => forgotten++,
    );
    await expect(failing.latest('x')).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(forgotten).toBe(1);
  });
});

describe('isPostgresUnavailable', () => {
  test.each([
    ['connection refused', { code: 'ECONNREFUSED' }],
    ['server shutting down', { code: '57P01' }],
    ['too many connections', { code: '53300' }],
    ['pool timeout', new Error('timeout exceeded when trying to connect')],
    ['dropped connection', new Error('Connection terminated unexpectedly')],
    ['schema not created yet', { code: '42P01' }],
  ])('%s is an outage', (_case, error) => expect(isPostgresUnavailable(error)).toBe(true));

  test.each([
    ['syntax error', { code: '42601' }],
    ['unique violation', { code: '23505' }],
    ['a plain bug', new TypeError('x is undefined')],
    ['not an error', undefined],
  ])('%s is not', (_case, error) => expect(isPostgresUnavailable(error)).toBe(false));
});
