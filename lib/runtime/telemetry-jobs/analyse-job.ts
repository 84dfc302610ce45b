import type { S3Client } from '@aws-sdk/client-s3';
import { errorMessage } from '../shared/error-fields';
import type { Logger } from '../shared/json-logger';
import { type AnalysisJob, daysOf, jobNameOf, nightlyJob, parseAnalysisJob } from './analysis-job';
import { archiveObjectsOfDay, forEachRowGroup } from './archive-objects';
import { errorKey, readJobFile, resultKey, writeJson } from './jobs-bucket';
import { type MetricTotals, ReadingStatistics, type SeriesStatistics } from './reading-statistics';

/**
 * Stage 5's batch analysis: reads every archive object of the job's days (the columns it needs, a
 * row group at a time), aggregates the readings that pass the job's filters per (device, metric) and
 * per metric, and writes the answer to the jobs bucket. Any failure, an invalid job file first of all, is written there too, so whoever
 * dropped the job file learns why.
 */
export interface AnalysisOptions {
  readonly s3: S3Client;
  readonly archiveBucket: string;
  readonly jobsBucket: string;
  /** `jobs/<name>.json`; undefined for the nightly run over yesterday. */
  readonly jobKey: string | undefined;
  readonly now: Date;
  readonly log: Pick<Logger, 'info' | 'error'>;
  /** Archive objects downloaded at once; default 8. */
  readonly concurrency?: number;
}

/** The content of `results/<name>.json`. */
export interface AnalysisResult {
  readonly job: string;
  readonly from: string;
  readonly to: string;
  readonly deviceIds: readonly string[] | null;
  readonly metrics: readonly string[] | null;
  /** What was read: days, archive objects, and readings in them before filtering. */
  readonly scanned: { readonly days: number; readonly objects: number; readonly readings: number };
  /** Readings that passed the filters, i.e. that the statistics cover. */
  readonly matched: number;
  readonly totals: Record<string, MetricTotals>;
  readonly series: SeriesStatistics[];
  readonly generatedAt: string;
}

/** The content of `results/<name>.error.json`. */
export interface AnalysisError {
  readonly job: string;
  readonly jobKey: string | null;
  readonly error: string;
  readonly failedAt: string;
}

export type AnalysisOutcome =
  | { readonly ok: true; readonly resultKey: string; readonly result: AnalysisResult }
  | { readonly ok: false; readonly errorKey: string; readonly reason: string };

const DEFAULT_CONCURRENCY = 8;

/** The columns the statistics need: the day is the partition, so the time is never read. */
type StatisticsRow = { device_id: string; metric: string; value: number };

export async function runAnalysis(options: AnalysisOptions): Promise<AnalysisOutcome> {
  const name = options.jobKey !== undefined ? jobNameOf(options.jobKey) : nightlyJob(options.now).name;
  try {
    const job =
      options.jobKey !== undefined
        ? parseAnalysisJob(name, await readJobFile(options.s3, options.jobsBucket, options.jobKey))
        : nightlyJob(options.now);
    const result = await analyse(options, job);
    const key = resultKey(name);
    await writeJson(options.s3, options.jobsBucket, key, result);
    options.log.info('analysis-finished', {
      job: name,
      resultKey: key,
      days: result.scanned.days,
      objects: result.scanned.objects,
      readings: result.scanned.readings,
      matched: result.matched,
      series: result.series.length,
    });
    return { ok: true, resultKey: key, result };
  } catch (error) {
    const reason = errorMessage(error);
    const key = errorKey(name);
    const content: AnalysisError = { job: name, jobKey: options.jobKey ?? null, error: reason, failedAt: new Date().toISOString() };
    options.log.error('analysis-failed', error, { job: name, errorKey: key });
    await writeJson(options.s3, options.jobsBucket, key, content).catch((writeError: unknown) => {
      options.log.error('analysis-error-file-not-written', writeError, { job: name, errorKey: key });
    });
    return { ok: false, errorKey: key, reason };
  }
}

async function analyse(options: AnalysisOptions, job: AnalysisJob): Promise<AnalysisResult> {
  const statistics = new ReadingStatistics();
  const devices = job.deviceIds ? new Set(job.deviceIds) : undefined;
  const metrics = job.metrics ? new Set(job.metrics) : undefined;
  const days = daysOf(job);
  let objects = 0;
  let readings = 0;
  for (const day of days) {
    const dayObjects = await archiveObjectsOfDay(options.s3, options.archiveBucket, day);
    await forEachConcurrently(dayObjects, options.concurrency ?? DEFAULT_CONCURRENCY, async (object) => {
      await forEachRowGroup<StatisticsRow>(options.s3, options.archiveBucket, object, ['device_id', 'metric', 'value'], (rows) => {
        readings += rows.length;
        for (const row of rows) {
          if ((devices && !devices.has(row.device_id)) || (metrics && !metrics.has(row.metric))) continue;
          statistics.add(row.device_id, row.metric, Number(row.value));
        }
      });
      objects += 1;
    });
  }
  const series = statistics.series();
  return {
    job: job.name,
    from: job.from,
    to: job.to,
    deviceIds: job.deviceIds ?? null,
    metrics: job.metrics ?? null,
    scanned: { days: days.length, objects, readings },
    matched: series.reduce((sum, s) => sum + s.count, 0),
    totals: statistics.totals(),
    series,
    generatedAt: new Date().toISOString(),
  };
}

/** Runs `task` for every item, at most `limit` at a time; the first failure fails the whole run. */
async function forEachConcurrently<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
