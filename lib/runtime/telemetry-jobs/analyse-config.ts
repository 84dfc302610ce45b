import { jobNameOf } from './analysis-job';
import { optionalSetting, requiredSetting } from './env-settings';
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
  const jobKey = optionalSetting(env, 'JOB_KEY');
  if (jobKey !== undefined) jobNameOf(jobKey);
  return {
    archiveBucket: requiredSetting(env, 'ARCHIVE_BUCKET'),
    jobsBucket: requiredSetting(env, 'JOBS_BUCKET'),
    ...(jobKey !== undefined ? { jobKey } : {}),
    region: requiredSetting(env, 'AWS_REGION'),
    s3Endpoint: optionalSetting(env, 'S3_ENDPOINT'),
  };
}
