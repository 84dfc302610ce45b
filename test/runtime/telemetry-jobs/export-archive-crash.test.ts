import { decodeArchive } from '../../../lib/runtime/telemetry/archive-format';
import { IN_FLIGHT_TABLE } from '../../../lib/runtime/telemetry-jobs/archive-in-flight';
import { type LocalS3, startLocalS3 } from '../../support/local-s3';
import { archivedLines, expectedLine, expectedLines } from './support/archive-contents';
import { startJob } from './support/job-process';
import { createReadingsDatabase, type ReadingsDatabase, type Row } from './support/readings-database';

/**
 * The "nothing lost, nothing twice" property of the export, with real processes: a run killed
 * after the first upload of a day, before the day's table is dropped, rows arriving meanwhile, a re-run.
 */
const BUCKET = 'archive';

let s3: LocalS3;
let db: ReadingsDatabase;

beforeAll(async () => {
  [s3, db] = await Promise.all([startLocalS3(), createReadingsDatabase()]);
  await s3.createBucket(BUCKET);
});
afterAll(async () => {
  await Promise.all([s3.stop(), db.close()]);
});

function row(deviceId: string, ts: string, value: number): Row {
  return { deviceId, ts, metric: 'temperature', value };
}

/** Microseconds, as the collector stores them. */
function hoursAgo(hours: number): string {
  return new Date(Date.now() - hours * 3_600_000).toISOString().replace('Z', '001Z');
}

const OLD = [
  row('pump-1', '2020-01-01T01:00:00.000001Z', 1.5),
  row('pump-2', '2020-01-01T01:00:00.000001Z', 2.5),
  row('pump-1', '2020-01-01T02:00:00.123456Z', 3.5),
  row('pump-1', '2020-01-01T03:00:00.999999Z', 4.5),
  row('pump-1', '2020-01-01T23:59:59.999999Z', 5.5),
  row('pump-2', '2020-01-02T00:00:00.000000Z', 6.5),
  row('pump-2', '2020-01-02T12:00:00.000001Z', 7.5),
];
const YOUNG = [row('pump-1', hoursAgo(2), 8.5), row('pump-2', hoursAgo(1), 9.5)];

test('a run killed part way through a day, re-run after late rows arrived: every row archived exactly once, none left behind', async () => {
  await db.insert([...OLD, ...YOUNG]);
  const env = { DATABASE_URL: db.url, ARCHIVE_BUCKET: BUCKET, S3_ENDPOINT: s3.endpoint, ROWS_PER_OBJECT: '3' };

  const crashing = startJob('export-archive', { ...env, EXPORT_TEST_PAUSE_AFTER_UPLOAD: '1' });
  let paused: Record<string, unknown>;
  try {
    paused = await crashing.waitForEvent('test-paused-after-upload');
  } finally {
    crashing.kill('SIGKILL');
  }
  expect((await crashing.ended).code).toBeNull();

  const crashedKey = paused.key as string;
  expect(crashedKey).toMatch(/^readings\/dt=2020-01-01\/export-[0-9a-f]{16}-00001\.parquet$/);
  expect(await s3.keys(BUCKET)).toEqual([crashedKey]);
  expect(await decodeArchive(await s3.read(BUCKET, crashedKey))).toHaveLength(3);
  // The day being archived is out of the live table, in the table its in-flight record names.
  const [archiving] = (await db.tables()).filter((t) => t.startsWith('readings_archiving_20200101_'));
  expect(await db.rowsOf(archiving)).toHaveLength(5);
  expect(await db.rows()).toHaveLength(OLD.length - 5 + YOUNG.length);

  const late = [
    // The day being archived: it goes to a new partition of that day.
    row('pump-3', '2020-01-01T00:30:00.000001Z', 10.5),
    row('pump-3', '2020-01-01T01:30:00.000001Z', 11.5),
    // A day the archive has not seen yet, older than everything.
    row('pump-3', '2019-12-31T12:00:00.000001Z', 12.5),
  ];
  await db.insert(late);

  const rerun = startJob('export-archive', env);
  const { code, logs, stderr } = await rerun.ended;

  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  expect(logs.find((line) => line.event === 'export-finished')).toMatchObject({ recovered: 1, exported: OLD.length + late.length });
  expect(await archivedLines(s3, BUCKET)).toEqual(expectedLines([...OLD, ...late]));
  expect(await db.rows()).toEqual(YOUNG);
  expect((await db.client.query(`SELECT * FROM ${IN_FLIGHT_TABLE}`)).rows).toEqual([]);
  expect((await db.tables()).filter((t) => t.startsWith('readings_archiving'))).toEqual([]);
  // The crashed object was overwritten with the same first three rows in key order, not joined by a copy.
  const overwritten = (await decodeArchive(await s3.read(BUCKET, crashedKey))).map((r) =>
    expectedLine({ deviceId: r.deviceId, ts: r.ts.toISOString().replace('Z', '000Z'), metric: r.metric, value: r.value }),
  );
  expect(overwritten.sort()).toEqual(expectedLines([OLD[0], OLD[2], OLD[3]]));
}, 30_000);
