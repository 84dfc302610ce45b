import { integerEnv, optionalEnv } from '../shared/env';
import { type DatabaseSource, loadDatabaseSource } from './database-source';
import { requiredSetting } from './env-settings';
import type { S3Settings } from './s3-client';

/** The export job's settings, from its environment. */
export interface ExportConfig extends S3Settings {
  readonly database: DatabaseSource;
  readonly archiveBucket: string;
  /** Rows older than this many days are moved; 0 moves every row (the drain before Aurora is retired). */
  readonly olderThanDays: number;
  /** Rows per archive object: about 15-20 bytes a row in Parquet, so a million rows is an object of some 20 MB. */
  readonly rowsPerObject: number;
}

export const DEFAULT_OLDER_THAN_DAYS = 90;
export const DEFAULT_ROWS_PER_OBJECT = 1_000_000;

/** Parses `env` (normally `process.env`); throws an Error with a one-line message on a bad value. */
export function loadExportConfig(env: NodeJS.ProcessEnv): ExportConfig {
  return {
    database: loadDatabaseSource(env),
    archiveBucket: requiredSetting('ARCHIVE_BUCKET', env),
    olderThanDays: integerEnv('EXPORT_OLDER_THAN_DAYS', { fallback: DEFAULT_OLDER_THAN_DAYS, min: 0, max: 36_500 }, env),
    rowsPerObject: integerEnv('ROWS_PER_OBJECT', { fallback: DEFAULT_ROWS_PER_OBJECT, min: 1, max: 10_000_000 }, env),
    region: requiredSetting('AWS_REGION', env),
    s3Endpoint: optionalEnv('S3_ENDPOINT', env),
  };
}

/**
 * The moment before which whole days are moved, or `undefined` for "every day": when draining, rows
 * stamped a few minutes ahead by a device's fast clock must go too.
 */
export function exportCutoff(now: Date, olderThanDays: number): Date | undefined {
  return olderThanDays === 0 ? undefined : new Date(now.getTime() - olderThanDays * 86_400_000);
}
