import { randomBytes } from 'node:crypto';
import { archiveKey } from '../telemetry/archive-format';
import { dayOfRow, type ExportedRow } from './exported-row';

/**
 * A new archive key for a chunk: its first row's day partition, named
 * `export-<first row's epoch ms>-<16 random hex digits>`. The time keeps a day's listing in export
 * order; the random part makes every chunk a new object, so a device re-sending readings that were
 * already archived can never overwrite the object that holds them. A re-run after a crash finds the
 * key to overwrite in the in-flight record, not by recomputing it.
 */
export function newExportObjectKey(first: ExportedRow): string {
  const epochMs = Date.parse(`${first.ts.slice(0, 23)}Z`);
  return archiveKey(dayOfRow(first), `export-${epochMs}-${randomBytes(8).toString('hex')}`);
}
