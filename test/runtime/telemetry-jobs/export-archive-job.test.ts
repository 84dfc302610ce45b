import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { silentLogger as silentLog } from '../../../lib/runtime/shared/json-logger';
import { decodeArchive } from '../../../lib/runtime/telemetry/archive-format';
import { exportCutoff } from '../../../lib/runtime/telemetry-jobs/export-config';
import { type ExportOptions, runExport } from '../../../lib/runtime/telemetry-jobs/export-archive-job';
import { IN_FLIGHT_TABLE } from '../../../lib/runtime/telemetry-jobs/in-flight-exports';
import { type LocalS3, startLocalS3 } from '../../support/local-s3';
import { archivedLines, expectedLines } from './support/archive-contents';
import { createReadingsDatabase, type ReadingsDatabase, type Row } from './support/readings-database';

const NOW = new Date('2026-06-01T12:00:00Z');
const CUTOFF = exportCutoff(NOW, 90); // 2026-03-03T12:00:00Z
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
  return { db: db.client, s3: s3.client, bucket, cutoff: CUTOFF, chunkRows: 2, log: silentLog, lockWaitMs: 0, ...overrides };
}

const OLD: Row[] = [
  { deviceId: 'pump-1', ts: '2026-02-27T23:59:59.999999Z', metric: 'temperature', value: 20.5 },
  { deviceId: 'pump-1', ts: '2026-02-28T00:00:00.000001Z', metric: 'temperature', value: 0.1 + 0.2 },
  { deviceId: 'pump-1', ts: '2026-02-28T00:00:00.000001Z', metric: 'pressure', value: 1e-300 },
  { deviceId: 'pump-2', ts: '2026-02-28T00:00:00.000001Z', metric: 'temperature', value: -123.456 },
  { deviceId: 'pump-2', ts: '2026-02-28T10:15:30.123456Z', metric: 'temperature', value: 2 ** 53 + 2 },
  // Two readings in the same millisecond: both must be archived and both deleted.
  { deviceId: 'pump-2', ts: '2026-02-28T10:15:30.123457Z', metric: 'temperature', value: 1.7976931348623157e308 },
  { deviceId: 'pump-1', ts: '2026-03-03T11:59:59.999999Z', metric: 'temperature', value: 5e-324 },
];
const YOUNG: Row[] = [
  { deviceId: 'pump-1', ts: '2026-03-03T12:00:00.000000Z', metric: 'temperature', value: 21 },
  { deviceId: 'pump-2', ts: '2026-05-31T08:00:00.500000Z', metric: 'temperature', value: 22 },
];

describe('runExport', () => {
  test('moves the rows older than the cutoff into their days\' partitions, exactly, and leaves the younger rows', async () => {
    await db.insert([...OLD, ...YOUNG]);

    const summary = await runExport(exportOptions());

    expect(summary).toEqual({ cutoff: '2026-03-03T12:00:00.000Z', chunks: 5, exported: OLD.length, deleted: OLD.length, recovered: 0 });
    expect(await archivedLines(s3, bucket)).toEqual(expectedLines(OLD));
    const keys = await s3.keys(bucket);
    expect(keys.map((key) => key.split('/')[1])).toEqual([
      'dt=2026-02-27',
      'dt=2026-02-28',
      'dt=2026-02-28',
      'dt=2026-02-28',
      'dt=2026-03-03',
    ]);
    for (const key of keys) expect(key).toMatch(/^readings\/dt=\d{4}-\d{2}-\d{2}\/export-\d{13}-[0-9a-f]{16}\.json\.gz$/);
    expect(await db.rows()).toEqual(YOUNG);
  });

  test('a second run finds nothing to do', async () => {
    await db.insert([...OLD, ...YOUNG]);
    await runExport(exportOptions());
    const keys = await s3.keys(bucket);

    const summary = await runExport(exportOptions());

    expect(summary).toMatchObject({ chunks: 0, exported: 0, deleted: 0 });
    expect(await s3.keys(bucket)).toEqual(keys);
    expect(await db.rows()).toEqual(YOUNG);
  });

  test('logs one line per chunk with what it exported and deleted', async () => {
    await db.insert(OLD.slice(1, 4));
    const lines: Array<Record<string, unknown>> = [];
    const log = { info: (event: string, fields = {}) => lines.push({ event, ...fields }), error: () => undefined };

    await runExport(exportOptions({ log }));

    expect(lines).toEqual([
      { event: 'chunk', key: expect.stringMatching(/^readings\/dt=2026-02-28\//), day: '2026-02-28', exported: 2, deleted: 2, bytes: expect.any(Number) },
      { event: 'chunk', key: expect.stringMatching(/^readings\/dt=2026-02-28\//), day: '2026-02-28', exported: 1, deleted: 1, bytes: expect.any(Number) },
    ]);
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

  test('moves every row, even one stamped ahead of now, when there is no cutoff (EXPORT_OLDER_THAN_DAYS=0)', async () => {
    const ahead: Row = { deviceId: 'pump-3', ts: '2026-06-01T12:04:00.000001Z', metric: 'temperature', value: 1 };
    await db.insert([...OLD, ...YOUNG, ahead]);

    const summary = await runExport(exportOptions({ cutoff: exportCutoff(NOW, 0), chunkRows: 50_000 }));

    expect(summary).toMatchObject({ cutoff: null, exported: OLD.length + YOUNG.length + 1 });
    expect(await archivedLines(s3, bucket)).toEqual(expectedLines([...OLD, ...YOUNG, ahead]));
    expect(await db.rows()).toEqual([]);
  });

  test('a row that changes between upload and delete: rolls back, fails loudly, and the next run archives the row once, as it is now', async () => {
    await db.insert(OLD.slice(1, 4));
    const changeARow = async () => {
      await db.client.query(`UPDATE readings SET value = 99 WHERE device_id = 'pump-1' AND metric = 'pressure'`);
    };

    await expect(runExport(exportOptions({ afterUpload: changeARow }))).rejects.toThrow(/matched 1 rows, not 2.*rolled back/);
    expect(await db.rows()).toHaveLength(3);
    const [crashedKey] = await s3.keys(bucket);

    const summary = await runExport(exportOptions());

    expect(summary).toMatchObject({ recovered: 1, exported: 3, deleted: 3 });
    const changed = OLD.slice(1, 4).map((row) => (row.metric === 'pressure' ? { ...row, value: 99 } : row));
    expect(await archivedLines(s3, bucket)).toEqual(expectedLines(changed));
    expect(await s3.keys(bucket)).toContain(crashedKey);
    expect(await db.rows()).toEqual([]);
  });

  test('refuses, before writing anything, a row the archive cannot hold', async () => {
    await db.insert([{ deviceId: 'pump-9', ts: '2026-01-01T00:00:00.000001Z', metric: 'temperature', value: NaN }]);

    await expect(runExport(exportOptions())).rejects.toThrow(
      'cannot archive row ("pump-9", 2026-01-01T00:00:00.000001Z, "temperature"): value NaN is not a finite number',
    );
    expect(await s3.keys(bucket)).toEqual([]);
    expect(await db.rows()).toHaveLength(1);
    expect((await db.client.query(`SELECT * FROM ${IN_FLIGHT_TABLE}`)).rows).toEqual([]);
  });

  test('clears an in-flight record whose rows are gone', async () => {
    await db.insert(OLD.slice(1, 3));
    await expect(runExport(exportOptions({ afterUpload: async () => { await db.client.query('DELETE FROM readings'); } }))).rejects.toThrow(
      /matched 0 rows, not 2/,
    );
    await db.client.query('DELETE FROM readings');

    expect(await runExport(exportOptions())).toMatchObject({ chunks: 0, recovered: 0 });
    expect((await db.client.query(`SELECT * FROM ${IN_FLIGHT_TABLE}`)).rows).toEqual([]);
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

  test('archives gzip JSON Lines that decode to the rows, timestamps cut to milliseconds', async () => {
    await db.insert([OLD[0]]);
    await runExport(exportOptions());
    const [key] = await s3.keys(bucket);

    expect(decodeArchive(await s3.read(bucket, key))).toEqual([
      { deviceId: 'pump-1', ts: new Date('2026-02-27T23:59:59.999Z'), metric: 'temperature', value: 20.5 },
    ]);
  });
});
