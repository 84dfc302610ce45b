import { dayOf } from '../telemetry/archive-format';

/**
 * What one analysis covers: the job file a user drops under `jobs/` in the jobs bucket, or the
 * nightly run's yesterday. The job's name names its result: `results/<name>.json`.
 */
export interface AnalysisJob {
  readonly name: string;
  /** First and last UTC day, `YYYY-MM-DD`, both included. */
  readonly from: string;
  readonly to: string;
  /** Only these devices; all when absent. */
  readonly deviceIds?: readonly string[];
  /** Only these metrics; all when absent. */
  readonly metrics?: readonly string[];
}

export const JOBS_PREFIX = 'jobs/';
export const MAX_JOB_DAYS = 366;
export const MAX_FILTER_VALUES = 10_000;

/** A job file that cannot be run; its message is the reason written to the error file. */
export class InvalidJobError extends Error {
  override readonly name = 'InvalidJobError';
}

const JOB_NAME = /^[A-Za-z0-9._-]{1,128}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FIELDS = ['from', 'to', 'deviceIds', 'metrics'];

/** `jobs/weekly-2026-48.json` → `weekly-2026-48`; throws a one-line Error on any other key. */
export function jobNameOf(jobKey: string): string {
  const name = jobKey.startsWith(JOBS_PREFIX) ? (jobKey.split('/').pop() ?? '').replace(/\.json$/, '') : '';
  if (!JOB_NAME.test(name)) {
    throw new Error(`JOB_KEY must be ${JOBS_PREFIX}<name>.json with a name of 1-128 letters, digits or ._- (got ${JSON.stringify(jobKey)})`);
  }
  return name;
}

/** The nightly run: yesterday (UTC) in full. */
export function nightlyJob(now: Date): AnalysisJob {
  const yesterday = dayOf(new Date(now.getTime() - 86_400_000));
  return { name: `nightly-${yesterday}`, from: yesterday, to: yesterday };
}

/** Validates a job file's text; throws InvalidJobError saying what is wrong. */
export function parseAnalysisJob(name: string, text: string): AnalysisJob {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InvalidJobError('the job file is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidJobError('the job file must hold a JSON object');
  }
  const fields = parsed as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((key) => !FIELDS.includes(key));
  if (unknown.length > 0) {
    throw new InvalidJobError(`unknown field(s) ${unknown.map((k) => JSON.stringify(k)).join(', ')}: a job has ${FIELDS.join(', ')}`);
  }
  const from = parseDay(fields.from, 'from');
  const to = parseDay(fields.to, 'to');
  const days = dayNumber(to) - dayNumber(from) + 1;
  if (days < 1) throw new InvalidJobError(`"from" (${from}) must not be after "to" (${to})`);
  if (days > MAX_JOB_DAYS) throw new InvalidJobError(`a job covers at most ${MAX_JOB_DAYS} days (got ${days})`);
  const deviceIds = parseFilter(fields.deviceIds, 'deviceIds');
  const metrics = parseFilter(fields.metrics, 'metrics');
  return { name, from, to, ...(deviceIds ? { deviceIds } : {}), ...(metrics ? { metrics } : {}) };
}

/** Every day of the job, in order. */
export function daysOf(job: Pick<AnalysisJob, 'from' | 'to'>): string[] {
  const days: string[] = [];
  for (let day = dayNumber(job.from); day <= dayNumber(job.to); day++) {
    days.push(dayOf(new Date(day * 86_400_000)));
  }
  return days;
}

function parseDay(value: unknown, field: string): string {
  // The round trip rejects dates that do not exist, such as 2026-02-30.
  if (typeof value !== 'string' || !DAY.test(value) || Number.isNaN(Date.parse(value)) || dayOf(new Date(value)) !== value) {
    throw new InvalidJobError(`"${field}" must be a date YYYY-MM-DD (got ${JSON.stringify(value) ?? 'nothing'})`);
  }
  return value;
}

function parseFilter(value: unknown, field: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    value.length > MAX_FILTER_VALUES ||
    !value.every((item) => typeof item === 'string' && item.length > 0)
  ) {
    throw new InvalidJobError(`"${field}" must be a list of 1 to ${MAX_FILTER_VALUES} non-empty strings (leave it out for all)`);
  }
  return [...new Set(value as string[])];
}

function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 86_400_000;
}
