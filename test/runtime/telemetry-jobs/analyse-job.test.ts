import { silentLogger as silentLog } from '../../../lib/runtime/shared/json-logger';
import { archiveKey, ArchiveFileWriter, encodeArchive } from '../../../lib/runtime/telemetry/archive-format';
import type { Reading } from '../../../lib/runtime/telemetry/reading';
import { type AnalysisOptions, runAnalysis } from '../../../lib/runtime/telemetry-jobs/analyse-job';
import { archiveObjectsOfDay, forEachRowGroup } from '../../../lib/runtime/telemetry-jobs/archive-objects';
import { type LocalS3, startLocalS3 } from '../../support/local-s3';
import { startJob } from './support/job-process';

const ARCHIVE = 'archive';
const JOBS = 'jobs';
let s3: LocalS3;

function reading(deviceId: string, ts: string, metric: string, value: number): Reading {
  return { deviceId, ts: new Date(ts), metric, value };
}

beforeAll(async () => {
  s3 = await startLocalS3();
  await Promise.all([s3.createBucket(ARCHIVE), s3.createBucket(JOBS)]);
  const objects: Array<[string, string, Reading[]]> = [
    ['2026-02-27', 'export-a', [reading('pump-1', '2026-02-27T10:00:00Z', 'temperature', 100)]],
    [
      '2026-02-28',
      'export-a',
      [reading('pump-1', '2026-02-28T01:00:00Z', 'temperature', 10), reading('pump-1', '2026-02-28T01:00:00Z', 'pressure', 1.5)],
    ],
    [
      '2026-02-28',
      // As Data Firehose names its objects in stage 5.
      'telemetry-archive-1-2026-02-28-02-15-00-0b5e1d0a-2f4e-4d8e-9a51-5f2b4a8f0c11',
      [reading('pump-1', '2026-02-28T02:00:00Z', 'temperature', 20), reading('pump-2', '2026-02-28T02:00:00Z', 'temperature', -4)],
    ],
    ['2026-03-01', 'export-a', [reading('pump-2', '2026-03-01T00:00:00Z', 'temperature', 6), reading('pump-3', '2026-03-01T05:00:00Z', 'pressure', 2)]],
    ['2026-03-02', 'export-a', [reading('pump-1', '2026-03-02T00:00:00Z', 'temperature', 1000)]],
  ];
  await Promise.all(objects.map(([day, name, readings]) => s3.put(ARCHIVE, archiveKey(day, name), encodeArchive(readings))));
});
afterAll(async () => {
  await s3.stop();
});

function options(jobKey: string | undefined, now = new Date('2026-03-03T01:00:00Z')): AnalysisOptions {
  return { s3: s3.client, archiveBucket: ARCHIVE, jobsBucket: JOBS, jobKey, now, log: silentLog };
}

async function resultOf(key: string): Promise<Record<string, unknown>> {
  return JSON.parse((await s3.read(JOBS, key)).toString('utf8'));
}

describe('runAnalysis', () => {
  test('aggregates every archive object of the job\'s days into results/<name>.json', async () => {
    await s3.put(JOBS, 'jobs/late-feb.json', JSON.stringify({ from: '2026-02-28', to: '2026-03-01' }));

    const outcome = await runAnalysis(options('jobs/late-feb.json'));

    expect(outcome).toMatchObject({ ok: true, resultKey: 'results/late-feb.json' });
    expect(await resultOf('results/late-feb.json')).toEqual({
      job: 'late-feb',
      from: '2026-02-28',
      to: '2026-03-01',
      deviceIds: null,
      metrics: null,
      scanned: { days: 2, objects: 3, readings: 6 },
      matched: 6,
      totals: {
        pressure: { count: 2, min: 1.5, max: 2, mean: 1.75, devices: 2 },
        temperature: { count: 4, min: -4, max: 20, mean: 8, devices: 2 },
      },
      series: [
        { deviceId: 'pump-1', metric: 'pressure', count: 1, min: 1.5, max: 1.5, mean: 1.5 },
        { deviceId: 'pump-1', metric: 'temperature', count: 2, min: 10, max: 20, mean: 15 },
        { deviceId: 'pump-2', metric: 'temperature', count: 2, min: -4, max: 6, mean: 1 },
        { deviceId: 'pump-3', metric: 'pressure', count: 1, min: 2, max: 2, mean: 2 },
      ],
      generatedAt: expect.any(String),
    });
  });

  test('narrows to the job\'s devices and metrics', async () => {
    await s3.put(JOBS, 'jobs/pump-2.json', JSON.stringify({ from: '2026-02-27', to: '2026-03-02', deviceIds: ['pump-2', 'pump-9'], metrics: ['temperature'] }));

    await runAnalysis(options('jobs/pump-2.json'));

    expect(await resultOf('results/pump-2.json')).toMatchObject({
      deviceIds: ['pump-2', 'pump-9'],
      metrics: ['temperature'],
      scanned: { days: 4, objects: 5, readings: 8 },
      matched: 2,
      totals: { temperature: { count: 2, min: -4, max: 6, mean: 1, devices: 1 } },
      series: [{ deviceId: 'pump-2', metric: 'temperature', count: 2 }],
    });
  });

  test('without a job file, analyses yesterday as nightly-<day>', async () => {
    const outcome = await runAnalysis(options(undefined, new Date('2026-03-02T03:00:00Z')));

    expect(outcome).toMatchObject({ ok: true, resultKey: 'results/nightly-2026-03-01.json' });
    expect(await resultOf('results/nightly-2026-03-01.json')).toMatchObject({ from: '2026-03-01', to: '2026-03-01', matched: 2 });
  });

  test('a day without archive objects counts as empty', async () => {
    const outcome = await runAnalysis(options(undefined, new Date('2030-01-02T00:00:00Z')));

    expect(outcome.ok && outcome.result).toMatchObject({ scanned: { days: 1, objects: 0, readings: 0 }, matched: 0, series: [], totals: {} });
  });

  test('an invalid job file: results/<name>.error.json says why, and the run fails', async () => {
    await s3.put(JOBS, 'jobs/backwards.json', JSON.stringify({ from: '2026-03-01', to: '2026-02-01' }));

    const outcome = await runAnalysis(options('jobs/backwards.json'));

    expect(outcome).toEqual({ ok: false, errorKey: 'results/backwards.error.json', reason: '"from" (2026-03-01) must not be after "to" (2026-02-01)' });
    expect(await resultOf('results/backwards.error.json')).toEqual({
      job: 'backwards',
      jobKey: 'jobs/backwards.json',
      error: '"from" (2026-03-01) must not be after "to" (2026-02-01)',
      failedAt: expect.any(String),
    });
    expect(await s3.keys(JOBS, 'results/backwards.json')).toEqual([]);
  });

  test('a missing job file fails the same way', async () => {
    const outcome = await runAnalysis(options('jobs/nowhere.json'));

    expect(outcome).toMatchObject({ ok: false, reason: 'the job file s3://jobs/jobs/nowhere.json does not exist' });
    expect(await s3.keys(JOBS, 'results/nowhere.error.json')).toEqual(['results/nowhere.error.json']);
  });

  test('reads large objects a row group at a time, and only archive objects', async () => {
    const file = new ArchiveFileWriter();
    for (let group = 0; group < 3; group++) {
      file.append(Array.from({ length: 1000 }, (_, i) => reading(`dev-${i % 10}`, '2026-01-10T00:00:00Z', 'temperature', group * 1000 + i)));
    }
    await s3.put(ARCHIVE, archiveKey('2026-01-10', 'export-big'), file.finish());
    await s3.put(ARCHIVE, 'readings/dt=2026-01-10/notes.txt', 'not an archive object');
    await s3.put(JOBS, 'jobs/big.json', JSON.stringify({ from: '2026-01-10', to: '2026-01-10' }));
    const ranges: string[] = [];
    s3.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'GetObjectCommand' && (args.input as { Bucket?: string }).Bucket === ARCHIVE) ranges.push((args.input as { Range?: string }).Range ?? 'whole');
        return next(args);
      },
      { step: 'initialize', name: 'watchRanges' },
    );
    let result;
    try {
      result = await runAnalysis(options('jobs/big.json'));
    } finally {
      s3.client.middlewareStack.remove('watchRanges');
    }

    expect(result).toMatchObject({ ok: true, result: { scanned: { days: 1, objects: 1, readings: 3000 }, totals: { temperature: { count: 3000, min: 0, max: 2999, devices: 10 } } } });
    expect(ranges.length).toBeGreaterThan(0);
    expect(ranges.every((r) => r.startsWith('bytes='))).toBe(true);
    const groups: number[] = [];
    const [object] = await archiveObjectsOfDay(s3.client, ARCHIVE, '2026-01-10');
    await forEachRowGroup(s3.client, ARCHIVE, object, ['value'], (rows) => void groups.push(rows.length));
    expect(groups).toEqual([1000, 1000, 1000]);
  });

  test('an unreadable archive object fails the job, naming the object', async () => {
    await s3.put(ARCHIVE, archiveKey('2026-01-15', 'broken'), 'not parquet');
    await s3.put(JOBS, 'jobs/mid-jan.json', JSON.stringify({ from: '2026-01-15', to: '2026-01-15' }));

    const outcome = await runAnalysis(options('jobs/mid-jan.json'));

    expect(outcome).toMatchObject({ ok: false, reason: expect.stringContaining('s3://archive/readings/dt=2026-01-15/broken.parquet is not a valid archive object') });
  });
});

describe('analyse.ts', () => {
  test('runs the job JOB_KEY names and exits non-zero when it fails', async () => {
    await s3.put(JOBS, 'jobs/not-json.json', '{');

    const job = startJob('analyse', { ARCHIVE_BUCKET: ARCHIVE, JOBS_BUCKET: JOBS, JOB_KEY: 'jobs/not-json.json', S3_ENDPOINT: s3.endpoint });
    const { code, logs } = await job.ended;

    expect(code).toBe(1);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'error', event: 'analysis-failed', job: 'not-json', errorMessage: 'the job file is not valid JSON' }));
    expect(await resultOf('results/not-json.error.json')).toMatchObject({ error: 'the job file is not valid JSON' });
  }, 20_000);
});
