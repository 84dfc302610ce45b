import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { silentLogger as silentLog } from '../../../lib/runtime/shared/json-logger';
import { decodeArchive } from '../../../lib/runtime/telemetry/archive-format';
import { dayPartitions, readingsKind } from '../../../lib/runtime/telemetry/readings-partitions';
import { IN_FLIGHT_TABLE, takeDay } from '../../../lib/runtime/telemetry-jobs/archive-in-flight';
import { exportCutoff } from '../../../lib/runtime/telemetry-jobs/export-config';
import { type ExportOptions, runExport } from '../../../lib/runtime/telemetry-jobs/export-archive-job';
import { migrateToDayPartitions, UNPARTITIONED_TABLE } from '../../../lib/runtime/telemetry-jobs/migrate-readings';
import { type LocalS3, startLocalS3 } from '../../support/local-s3';
import { archivedLines, expectedLines } from './support/archive-contents';
import { createReadingsDatabase, type ReadingsDatabase, type Row } from './support/readings-database';

const NOW = new Date('2026-06-01T12:00:00Z');
const CUTOFF = exportCutoff(NOW, 90); // 2026-03-03T12:00:00Z: days up to 2026-03-02 have ended
let bucketNumber = 0;

let s3: LocalS3;
let db: ReadingsDatabase;
let bucket: string;

beforeAll(async () => {
  [s3, db] = await Promise.all([startLocalS3(), createReadingsDatabase()]);
});
afterAll(async () => {
  await Promise.all([s3.stop(), db.close()]);
});
beforeEach(async () => {
  await db.reset();
  bucket = `archive-${++bucketNumber}`;
  await s3.createBucket(bucket);
});

function exportOptions(overrides: Partial<ExportOptions> = {}): ExportOptions {
  return { db: db.client, s3: s3.client, bucket, cutoff: CUTOFF, rowsPerObject: 2, pageRows: 2, log: silentLog, lockWaitMs: 0, now: NOW, ...overrides };
}

const OLD: Row[] = [
  { deviceId: 'pump-1', ts: '2026-02-27T23:59:59.999999Z', metric: 'temperature', value: 20.5 },
  { deviceId: 'pump-1', ts: '2026-02-28T00:00:00.000001Z', metric: 'temperature', value: 0.1 + 0.2 },
  { deviceId: 'pump-1', ts: '2026-02-28T00:00:00.000001Z', metric: 'pressure', value: 1e-300 },
  { deviceId: 'pump-2', ts: '2026-02-28T00:00:00.000001Z', metric: 'temperature', value: -123.456 },
  { deviceId: 'pump-2', ts: '2026-02-28T10:15:30.123456Z', metric: 'temperature', value: 2 ** 53 + 2 },
  // Two readings in the same millisecond: both must be archived.
  { deviceId: 'pump-2', ts: '2026-02-28T10:15:30.123457Z', metric: 'temperature', value: 1.7976931348623157e308 },
  { deviceId: 'pump-1', ts: '2026-03-02T23:59:59.999999Z', metric: 'temperature', value: 5e-324 },
];
const YOUNG: Row[] = [
  // The cutoff's own day has not ended: it stays whole, the row before the cutoff included.
  { deviceId: 'pump-1', ts: '2026-03-03T11:59:59.999999Z', metric: 'temperature', value: 21 },
  { deviceId: 'pump-1', ts: '2026-03-03T12:00:00.000000Z', metric: 'temperature', value: 21 },
  { deviceId: 'pump-2', ts: '2026-05-31T08:00:00.500000Z', metric: 'temperature', value: 22 },
];

const DAY_OBJECT = /^readings\/dt=(\d{4}-\d{2}-\d{2})\/export-([0-9a-f]{16})-(\d{5})\.parquet$/;

describe('runExport', () => {
  test('moves every day that ended before the cutoff into its partition of the archive, exactly, and drops the day from the table', async () => {
    await db.insert([...OLD, ...YOUNG]);

    const summary = await runExport(exportOptions());

    expect(summary).toEqual({ cutoff: '2026-03-03T12:00:00.000Z', days: 3, objects: 5, exported: OLD.length, recovered: 0, migrated: 0 });
    expect(await archivedLines(s3, bucket)).toEqual(expectedLines(OLD));
    const keys = await s3.keys(bucket);
    for (const key of keys) expect(key).toMatch(DAY_OBJECT);
    expect(keys.map((key) => DAY_OBJECT.exec(key)![1])).toEqual(['2026-02-27', '2026-02-28', '2026-02-28', '2026-02-28', '2026-03-02']);
    expect(await db.rows()).toEqual(YOUNG);
    const days = (await dayPartitions(db.client)).map((p) => p.day);
    expect(days).not.toContain('2026-02-28');
    expect(days).toContain('2026-03-03');
    expect((await db.tables()).filter((t) => t.startsWith('readings_archiving'))).toEqual([]);
    expect((await db.client.query(`SELECT * FROM ${IN_FLIGHT_TABLE}`)).rows).toEqual([]);
  });

  test('a day is cut into objects of rowsPerObject rows in primary-key order, all named by one export id', async () => {
    await db.insert(OLD.slice(1, 6));
    await runExport(exportOptions());
    const keys = await s3.keys(bucket);
    expect(keys.map((k) => DAY_OBJECT.exec(k)![3])).toEqual(['00001', '00002', '00003']);
    expect(new Set(keys.map((k) => DAY_OBJECT.exec(k)![2])).size).toBe(1);
    const contents = await Promise.all(keys.map(async (k) => (await decodeArchive(await s3.read(bucket, k))).map((r) => `${r.deviceId}/${r.metric}`)));
    expect(contents).toEqual([['pump-1/pressure', 'pump-1/temperature'], ['pump-2/temperature', 'pump-2/temperature'], ['pump-2/temperature']]);
  });

  test('a second run finds nothing to do; the coming week has its partitions', async () => {
    await db.insert([...OLD, ...YOUNG]);
    await runExport(exportOptions());
    const keys = await s3.keys(bucket);

    const summary = await runExport(exportOptions());

    expect(summary).toMatchObject({ days: 0, objects: 0, exported: 0 });
    expect(await s3.keys(bucket)).toEqual(keys);
    expect(await db.rows()).toEqual(YOUNG);
    expect((await dayPartitions(db.client)).map((p) => p.day)).toEqual(expect.arrayContaining(['2026-06-01', '2026-06-05', '2026-06-08']));
  });

  test('logs one line per day with what it archived', async () => {
    await db.insert(OLD.slice(1, 4));
    const lines: Array<Record<string, unknown>> = [];
    const log = { info: (event: string, fields = {}) => lines.push({ event, ...fields }), error: () => undefined };

    await runExport(exportOptions({ log }));

    expect(lines).toEqual([{ event: 'day-archived', day: '2026-02-28', exportId: expect.stringMatching(/^[0-9a-f]{16}$/), objects: 2, rows: 3, bytes: expect.any(Number) }]);
  });

  test('uploads every object with the MD5 of its body, for S3 to verify', async () => {
    await db.insert(OLD);
    const sentMd5 = new Map<string, string>();
    const watched = s3.client;
    watched.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'PutObjectCommand') {
          const request = args.request as { path: string; headers: Record<string, string> };
          sentMd5.set(decodeURIComponent(request.path).replace(`/${bucket}/`, ''), request.headers['content-md5']);
        }
        return next(args);
      },
      { step: 'finalizeRequest', name: 'captureContentMd5' },
    );
    try {
      await runExport(exportOptions());
    } finally {
      watched.middlewareStack.remove('captureContentMd5');
    }

    const keys = await s3.keys(bucket);
    expect([...sentMd5.keys()].sort()).toEqual(keys);
    for (const key of keys) {
      expect(sentMd5.get(key)).toBe(createHash('md5').update(await s3.read(bucket, key)).digest('base64'));
    }
  });

  test('moves every day, today and a row stamped ahead of now included, when there is no cutoff (EXPORT_OLDER_THAN_DAYS=0)', async () => {
    const ahead: Row = { deviceId: 'pump-3', ts: '2026-06-01T12:04:00.000001Z', metric: 'temperature', value: 1 };
    await db.insert([...OLD, ...YOUNG, ahead]);

    const summary = await runExport(exportOptions({ cutoff: exportCutoff(NOW, 0), rowsPerObject: 50_000 }));

    expect(summary).toMatchObject({ cutoff: null, exported: OLD.length + YOUNG.length + 1 });
    expect(await archivedLines(s3, bucket)).toEqual(expectedLines([...OLD, ...YOUNG, ahead]));
    expect(await db.rows()).toEqual([]);
  });

  test('a run that dies after an upload: the next run overwrites the same objects, then archives late rows of that day as a day of their own', async () => {
    const day = OLD.slice(1, 6);
    await db.insert(day);
    await expect(runExport(exportOptions({ afterUpload: async () => Promise.reject(new Error('killed')) }))).rejects.toThrow('killed');
    const [crashedKey] = await s3.keys(bucket);
    expect(crashedKey).toMatch(DAY_OBJECT);
    expect(await db.rows()).toEqual([]); // detached: the day is out of the live table, not lost
    const [archiving] = (await db.tables()).filter((t) => t.startsWith('readings_archiving_20260228_'));
    expect(await db.rowsOf(archiving)).toEqual(inKeyOrder(day));

    // A late reading of the same day arrives meanwhile: the collector makes the day's partition again.
    const late: Row = { deviceId: 'pump-3', ts: '2026-02-28T05:00:00.000001Z', metric: 'temperature', value: 7 };
    await db.insert([late]);

    const summary = await runExport(exportOptions());

    expect(summary).toMatchObject({ recovered: 1, days: 2, exported: day.length + 1 });
    expect(await archivedLines(s3, bucket)).toEqual(expectedLines([...day, late]));
    const keys = await s3.keys(bucket);
    expect(keys).toContain(crashedKey);
    expect(new Set(keys.map((k) => DAY_OBJECT.exec(k)![2])).size).toBe(2);
    expect(await db.tables()).not.toContain(archiving);
    expect((await db.client.query(`SELECT * FROM ${IN_FLIGHT_TABLE}`)).rows).toEqual([]);
  });

  test('a detach that was interrupted (the run killed while it waited) is finalized by the next run', async () => {
    await db.insert(OLD.slice(1, 4));
    const [partition] = (await dayPartitions(db.client)).filter((p) => p.day === '2026-02-28');
    await db.client.query(`CREATE TABLE IF NOT EXISTS ${IN_FLIGHT_TABLE} (table_name text PRIMARY KEY, day date NOT NULL, export_id text NOT NULL, rows_per_object integer NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`);
    const taken = await takeDay(db.client, partition, 2);
    const reader = new Client({ connectionString: db.url });
    const detacher = new Client({ connectionString: db.url });
    await Promise.all([reader.connect(), detacher.connect()]);
    try {
      // An open transaction that has seen the partition makes DETACH ... CONCURRENTLY wait in its second phase.
      await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await reader.query('SELECT count(*) FROM readings');
      const { rows: [{ pid }] } = await detacher.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const detaching = detacher.query(`ALTER TABLE readings DETACH PARTITION "${taken.table}" CONCURRENTLY`).catch((error: Error) => error);
      await waitFor(async () => (await db.client.query(`SELECT inhdetachpending FROM pg_inherits WHERE inhrelid = to_regclass($1)`, [taken.table])).rows[0]?.inhdetachpending === true);
      await db.client.query('SELECT pg_cancel_backend($1)', [pid]);
      expect(String(await detaching)).toMatch(/cancel/);
      await reader.query('COMMIT');
    } finally {
      await Promise.all([reader.end(), detacher.end()]);
    }

    const summary = await runExport(exportOptions());

    expect(summary).toMatchObject({ recovered: 1, exported: 3 });
    expect(await archivedLines(s3, bucket)).toEqual(expectedLines(OLD.slice(1, 4)));
    expect(await db.tables()).not.toContain(taken.table);
  });

  test('runs only one export at a time', async () => {
    await db.insert(OLD);
    const other = new Client({ connectionString: db.url });
    await other.connect();
    try {
      await other.query(`SELECT pg_advisory_lock(hashtext('telemetry-jobs/export-archive'))`);

      await expect(runExport(exportOptions())).rejects.toThrow(/another export holds the lock/);
      expect(await db.rows()).toHaveLength(OLD.length);
    } finally {
      await other.end();
    }
  });

  test('archives Parquet that decodes to the rows, timestamps cut to milliseconds, any double value kept', async () => {
    await db.insert([OLD[0], { deviceId: 'pump-9', ts: '2026-02-27T00:00:00.000001Z', metric: 'temperature', value: NaN }]);
    await runExport(exportOptions());
    const [key] = await s3.keys(bucket);

    expect(await decodeArchive(await s3.read(bucket, key))).toEqual([
      { deviceId: 'pump-1', ts: new Date('2026-02-27T23:59:59.999Z'), metric: 'temperature', value: 20.5 },
      { deviceId: 'pump-9', ts: new Date('2026-02-27T00:00:00.000Z'), metric: 'temperature', value: NaN },
    ]);
  });
});

describe('from the unpartitioned table of stage 2', () => {
  test('the first run partitions readings by day, keeps the young rows where the collector reads them, and archives the old days', async () => {
    await db.reset('plain');
    await db.insert([...OLD, ...YOUNG]);
    const lines: string[] = [];
    const log = { info: (event: string) => void lines.push(event), error: () => undefined };

    const summary = await runExport(exportOptions({ log }));

    expect(summary).toMatchObject({ migrated: OLD.length + YOUNG.length, exported: OLD.length });
    expect(await readingsKind(db.client)).toBe('partitioned');
    expect(await db.tables()).not.toContain(UNPARTITIONED_TABLE);
    expect(await db.rows()).toEqual(YOUNG);
    expect(await archivedLines(s3, bucket)).toEqual(expectedLines(OLD));
    expect(lines.slice(0, 2)).toEqual(['readings-partitioning-started', 'readings-day-partitioned']);
    expect(lines).toContain('readings-partitioning-finished');
  });

  test('newest day first, and a migration that dies part way is finished by the next run, nothing lost or copied twice', async () => {
    await db.reset('plain');
    await db.insert([...OLD, ...YOUNG]);
    const days: string[] = [];
    const dying = { info: (event: string, fields: Record<string, unknown> = {}) => {
      if (event !== 'readings-day-partitioned') return;
      days.push(String(fields.day));
      if (days.length === 2) throw new Error('killed');
    } };
    await expect(migrateToDayPartitions(db.client, dying, 1)).rejects.toThrow('killed');
    expect(days).toEqual(['2026-05-31', '2026-03-03']);
    expect(await db.rows()).toEqual(YOUNG);
    expect(await db.rowsOf(UNPARTITIONED_TABLE)).toHaveLength(OLD.length);

    const summary = await migrateToDayPartitions(db.client, silentLog, 2);

    expect(summary).toEqual({ migrated: true, rows: OLD.length, days: 3 });
    expect(await db.rows()).toEqual(inKeyOrder([...OLD, ...YOUNG]));
    expect(await db.tables()).not.toContain(UNPARTITIONED_TABLE);
  });
});

/** Rows as `rows()` lists them: by time, device, metric. */
function inKeyOrder(rows: readonly Row[]): Row[] {
  const key = (r: Row) => `${r.ts} ${r.deviceId} ${r.metric}`;
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
