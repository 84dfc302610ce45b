/**
 * Entry point of the analysis task (`command: ["analyse.js"]`): runs the job file JOB_KEY names,
 * or without one the nightly analysis of yesterday. Exits 0 with `results/<name>.json` written,
 * 1 on any failure (with `results/<name>.error.json` written when the job could be named).
 */
import { jsonLogger } from '../shared/json-logger';
import { loadAnalyseConfig } from './analyse-config';
import { runAnalysis } from './analyse-job';
import { createS3Client } from './s3-client';

async function main(): Promise<void> {
  const config = loadAnalyseConfig(process.env);
  const s3 = createS3Client(config);
  try {
    const outcome = await runAnalysis({
      s3,
      archiveBucket: config.archiveBucket,
      jobsBucket: config.jobsBucket,
      jobKey: config.jobKey,
      now: new Date(),
      log: jsonLogger,
    });
    if (!outcome.ok) process.exitCode = 1;
  } finally {
    s3.destroy();
  }
}

main().catch((error: unknown) => {
  jsonLogger.error('analysis-failed', error);
  process.exitCode = 1;
});
