import type { Logger } from '../shared/json-logger';
import { dayOfRow } from './exported-row';
import { acquireExportLock, releaseExportLock } from './export-lock';
import { newExportObjectKey } from './export-object-key';
import { clearInFlight, ensureInFlightTable, listInFlight, recordInFlight } from './in-flight-exports';
import { type Chunk, type MoveContext, prepareChunk, uploadThenDelete } from './move-chunk';
import { type Database, oldestTimestamp, selectKeyRange, selectRows } from './readings-table';

/**
 * Stage 3's export: moves rows older than the cutoff from Aurora's `readings` table to the S3
 * archive, oldest first, in chunks that each stay within one UTC day (so each lands in its day's
 * partition). Per chunk: record it as in flight, upload, then delete exactly its rows in one
 * transaction. A run that dies anywhere in between is finished by the next one (see
 * in-flight-exports.ts), so rows are neither lost nor archived twice.
 */
export interface ExportOptions extends MoveContext {
  /** One connection, not a pool: the run's lock belongs to its session. */
  readonly db: Database;
  /** Rows before this moment are moved; `undefined` moves every row. */
  readonly cutoff: Date | undefined;
  readonly chunkRows: number;
  readonly log: Pick<Logger, 'info' | 'error'>;
  /** How long to wait for the lock a previous run may still hold; default 30 s. */
  readonly lockWaitMs?: number;
}

export interface ExportSummary {
  /** ISO 8601, or null when every row was moved. */
  readonly cutoff: string | null;
  /** Objects written, including those of chunks a previous run left in flight. */
  readonly chunks: number;
  readonly exported: number;
  readonly deleted: number;
  /** Chunks a previous run left in flight and this one finished. */
  readonly recovered: number;
}

const DEFAULT_LOCK_WAIT_MS = 30_000;

export async function runExport(options: ExportOptions): Promise<ExportSummary> {
  await acquireExportLock(options.db, options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS);
  try {
    await ensureInFlightTable(options.db);
    const recovered = await finishInFlightChunks(options);
    const moved = await moveOldRows(options);
    return {
      cutoff: options.cutoff?.toISOString() ?? null,
      chunks: recovered.chunks + moved.chunks,
      exported: recovered.exported + moved.exported,
      deleted: recovered.deleted + moved.deleted,
      recovered: recovered.chunks,
    };
  } finally {
    // On a broken connection the lock is gone with the session; the error worth reporting is the first one.
    await releaseExportLock(options.db).catch(() => undefined);
  }
}

interface Tally {
  chunks: number;
  exported: number;
  deleted: number;
}

/**
 * Re-archives what a crashed run left in flight under the same key, now with every row of its key
 * range: the rows it had (none deleted, or the record would be gone) plus any that arrived inside
 * the range since. Overwriting the object with exactly what is then deleted leaves no copy behind.
 */
async function finishInFlightChunks(options: ExportOptions): Promise<Tally> {
  const tally: Tally = { chunks: 0, exported: 0, deleted: 0 };
  for (const inFlight of await listInFlight(options.db)) {
    const rows = await selectKeyRange(options.db, inFlight.first, inFlight.last);
    if (rows.length === 0) {
      // Removed by someone else; whatever the object holds, the table no longer does.
      await clearInFlight(options.db, inFlight.objectKey);
      options.log.info('in-flight-chunk-empty', { key: inFlight.objectKey, recordedRows: inFlight.rowCount });
      continue;
    }
    const chunk = prepareChunk(inFlight.objectKey, rows);
    count(tally, chunk, await uploadThenDelete(options, chunk), options.log, true);
  }
  return tally;
}

async function moveOldRows(options: ExportOptions): Promise<Tally> {
  const tally: Tally = { chunks: 0, exported: 0, deleted: 0 };
  const before = options.cutoff?.toISOString() ?? 'infinity';
  for (;;) {
    const first = await oldestTimestamp(options.db, before);
    if (first === undefined) return tally;
    const rows = await selectRows(options.db, first, earlierOf(startOfNextDay(first), before), options.chunkRows);
    if (rows.length === 0) continue; // the oldest row went between the two reads
    const chunk = prepareChunk(newExportObjectKey(rows[0]!), rows);
    await recordInFlight(options.db, chunk.objectKey, rows);
    count(tally, chunk, await uploadThenDelete(options, chunk), options.log, false);
  }
}

/** Adds a moved chunk to the tally and logs its line. */
function count(tally: Tally, chunk: Chunk, deleted: number, log: ExportOptions['log'], recovered: boolean): void {
  tally.chunks += 1;
  tally.exported += chunk.rows.length;
  tally.deleted += deleted;
  log.info('chunk', {
    key: chunk.objectKey,
    day: dayOfRow(chunk.rows[0]!),
    exported: chunk.rows.length,
    deleted,
    bytes: chunk.body.length,
    ...(recovered ? { recovered } : {}),
  });
}

/** `2026-01-01T10:00:00.123456Z` → `2026-01-02T00:00:00.000Z` */
function startOfNextDay(ts: string): string {
  return new Date(Date.parse(`${ts.slice(0, 10)}T00:00:00Z`) + 86_400_000).toISOString();
}

/** The earlier of two ISO 8601 moments, either of which may be `infinity`. */
function earlierOf(a: string, b: string): string {
  if (b === 'infinity') return a;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}
