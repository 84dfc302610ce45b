import { optionalEnv } from '../shared/env';
import { jobNameOf } from './analysis-job';
import { requiredSetting } from './env-settings';
import type { S3Settings } from './s3-client';

/** The analysis job's settings, from its environment. */
export interface AnalyseConfig extends S3Settings {
  readonly archiveBucket: string;
  readonly jobsBucket: string;
  /** The job file to run, `jobs/<name>.json`; unset for the nightly run over yesterday. */
  readonly jobKey?: string;
}

/** Parses `env` (normally `process.env`); throws an Error with a one-line message on a bad value. */
export function loadAnalyseConfig(env: NodeJS.ProcessEnv): AnalyseConfig {
  const jobKey = optionalEnv('JOB_KEY', env);
  if (jobKey !== undefined) jobNameOf(jobKey);
  return {
    archiveBucket: requiredSetting('ARCHIVE_BUCKET', env),
    jobsBucket: requiredSetting('JOBS_BUCKET', env),
    ...(jobKey !== undefined ? { jobKey } : {}),
    region: requiredSetting('AWS_REGION', env),
    s3Endpoint: optionalEnv('S3_ENDPOINT', env),
  };
}
