/**
 * Entry point of the export task: moves the days that ended more than EXPORT_OLDER_THAN_DAYS ago
 * from Aurora to the S3 archive (partitioning a `readings` table from before partitioning first).
 * Exits 0 when done, 1 on any failure; a failed run is finished by the next one.
 */
import { jsonLogger } from '../shared/json-logger';
import { connectDatabase } from './database-connection';
import { exportCutoff, loadExportConfig } from './export-config';
import { runExport } from './export-archive-job';
import { createS3Client } from './s3-client';

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadExportConfig(process.env);
  const s3 = createS3Client(config);
  try {
    const db = await connectDatabase(config.database, 'export-archive', config.region);
    try {
      const summary = await runExport({
        db,
        s3,
        bucket: config.archiveBucket,
        cutoff: exportCutoff(new Date(), config.olderThanDays),
        rowsPerObject: config.rowsPerObject,
        log: jsonLogger,
        afterUpload: process.env.EXPORT_TEST_PAUSE_AFTER_UPLOAD === '1' ? pauseForever : undefined,
      });
      jsonLogger.info('export-finished', { ...summary, durationMs: Date.now() - started });
    } finally {
      await db.end();
    }
  } finally {
    s3.destroy();
  }
}

/** Test-only: holds the run after its first upload, before the day's table is dropped, for the suite to kill it there. */
function pauseForever(objectKey: string): Promise<void> {
  jsonLogger.info('test-paused-after-upload', { key: objectKey });
  setInterval(() => undefined, 60_000);
  return new Promise(() => undefined);
}

main().catch((error: unknown) => {
  jsonLogger.error('export-failed', error);
  process.exitCode = 1;
});
