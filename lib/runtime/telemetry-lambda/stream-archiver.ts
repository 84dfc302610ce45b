/**
 * DynamoDB stream of the real-time table → S3 archive. Writes the rows of each batch's INSERT and
 * MODIFY records into one object per UTC day, in the layout the stage-3 export job writes, so
 * Athena and the batch analysis read one archive. REMOVE records (TTL expiry) are skipped: the
 * archive already holds those rows.
 *
 * Retries add no duplicate rows, on one assumption about the event source mapping: it is
 * configured without BisectBatchOnFunctionError, so a failed batch is retried as the SAME batch
 * (same first and last record) until it succeeds or its description goes to the on-failure SQS
 * queue. Object names derive from the batch's sequence numbers only, so a retry overwrites the
 * objects of the failed attempt instead of adding a second copy of its rows. Bisecting (or a change
 * to the naming) would break this: the halves' objects would sit next to the whole batch's.
 * A MODIFY (a device re-sending a moment with other values) is archived as well, so the archive
 * then holds both versions; rewriting an item unchanged emits no stream record at all.
 *
 * Any S3 failure throws, so the batch is retried. Items that are not in the real-time item format
 * are logged and skipped: retrying cannot change them, and they would block the shard.
 *
 * Env: ARCHIVE_BUCKET (required), S3_ENDPOINT (tests and local runs only).
 * IAM: s3:PutObject on the archive bucket's readings/* objects (plus kms:GenerateDataKey if the
 *      bucket uses SSE-KMS); the stream read permissions the event source mapping needs.
 */
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describeError } from '../shared/error-fields';
import { log } from '../shared/json-logger';
import { putArchiveObject } from './archive-bucket';
import { archiveObjectsByDay, type ArchiveObject } from './archive-objects';
import { readStreamBatch } from './stream-batch';

/** What one batch produced. */
export interface ArchiveSummary {
  readonly records: number;
  /** Rows written across all objects. */
  readonly rows: number;
  readonly removed: number;
  readonly malformed: number;
  /** Keys written, one per UTC day in the batch. */
  readonly keys: string[];
}

export async function handler(event: DynamoDBStreamEvent): Promise<ArchiveSummary> {
  if (event.Records.length === 0) {
    return { records: 0, rows: 0, removed: 0, malformed: 0, keys: [] };
  }
  const batch = readStreamBatch(event.Records);
  for (const sequenceNumber of batch.malformed) {
    log.error('telemetry.archive_item_malformed', { batch: batch.name, sequenceNumber });
  }

  const objects = archiveObjectsByDay(batch.readings, batch.name);
  await putAll(objects, batch.name);

  const summary: ArchiveSummary = {
    records: event.Records.length,
    rows: objects.reduce((sum, object) => sum + object.rows, 0),
    removed: batch.removed,
    malformed: batch.malformed.length,
    keys: objects.map((object) => object.key),
  };
  log.info('telemetry.archived', { batch: batch.name, ...summary, keys: summary.keys.length });
  return summary;
}

/**
 * Writes every object and throws the first failure once all writes have settled, so none is still
 * in flight when the invocation ends and the retry starts.
 */
async function putAll(objects: readonly ArchiveObject[], batchName: string): Promise<void> {
  const outcomes = await Promise.allSettled(objects.map((object) => putArchiveObject(object.key, object.body)));
  const failures: unknown[] = [];
  outcomes.forEach((outcome, index) => {
    if (outcome.status === 'fulfilled') return;
    log.error('telemetry.archive_put_failed', { batch: batchName, key: objects[index]?.key, ...describeError(outcome.reason) });
    failures.push(outcome.reason);
  });
  if (failures.length > 0) throw failures[0];
}
