import type { Database } from './readings-table';

/**
 * One export at a time: two runs would pick the same oldest rows and archive them twice. The lock
 * is PostgreSQL's session advisory lock, so it goes when the run's connection goes, even on a crash.
 */
const LOCK_NAME = 'telemetry-jobs/export-archive';
const RETRY_MS = 250;

/**
 * Takes the lock, waiting up to `waitMs` (the connection of a run that just died may take a moment
 * to close), else throws.
 */
export async function acquireExportLock(db: Database, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const { rows } = await db.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [LOCK_NAME]);
    if (rows[0]?.locked) return;
    if (Date.now() >= deadline) {
      throw new Error(`another export holds the lock '${LOCK_NAME}' (waited ${waitMs} ms): only one export may run at a time`);
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

export async function releaseExportLock(db: Database): Promise<void> {
  await db.query('SELECT pg_advisory_unlock(hashtext($1))', [LOCK_NAME]);
}
