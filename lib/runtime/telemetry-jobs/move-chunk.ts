import { createHash } from 'node:crypto';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { encodeArchive } from '../telemetry/archive-format';
import { type ExportedRow, toReading } from './exported-row';
import { clearInFlight } from './in-flight-exports';
import { type Database, deleteExactly } from './readings-table';

/** Rows of one UTC day in key order, encoded for the archive object they go to. */
export interface Chunk {
  readonly objectKey: string;
  readonly rows: readonly ExportedRow[];
  /** The archive object's content: gzip JSON Lines. */
  readonly body: Buffer;
}

/** What moving a chunk needs. */
export interface MoveContext {
  readonly db: Database;
  readonly s3: S3Client;
  readonly bucket: string;
  /** Called between the upload and the delete: the test suite's place to crash a run. */
  readonly afterUpload?: (objectKey: string) => Promise<void>;
}

/** Encodes the rows; throws, before anything is written, on a row the archive cannot hold. */
export function prepareChunk(objectKey: string, rows: readonly ExportedRow[]): Chunk {
  return { objectKey, rows, body: encodeArchive(rows.map(toReading)) };
}

/**
 * Uploads the chunk (S3 checks the body against its MD5), then, only once the upload succeeded,
 * deletes exactly its rows and its in-flight record in one transaction. Returns the rows deleted.
 */
export async function uploadThenDelete(context: MoveContext, chunk: Chunk): Promise<number> {
  await context.s3.send(
    new PutObjectCommand({
      Bucket: context.bucket,
      Key: chunk.objectKey,
      Body: chunk.body,
      ContentMD5: createHash('md5').update(chunk.body).digest('base64'),
      ContentType: 'application/gzip',
    }),
  );
  await context.afterUpload?.(chunk.objectKey);
  return deleteInOneTransaction(context.db, chunk);
}

async function deleteInOneTransaction(db: Database, chunk: Chunk): Promise<number> {
  await db.query('BEGIN');
  try {
    const deleted = await deleteExactly(db, chunk.rows);
    if (deleted !== chunk.rows.length) {
      throw new Error(
        `deleting the rows of ${chunk.objectKey} matched ${deleted} rows, not ${chunk.rows.length}: rows changed after they were read; ` +
          'rolled back, the next run archives them again under the same key',
      );
    }
    if ((await clearInFlight(db, chunk.objectKey)) !== 1) {
      throw new Error(`the in-flight record of ${chunk.objectKey} is missing: is another export running without the lock?`);
    }
    await db.query('COMMIT');
    return deleted;
  } catch (error) {
    // A broken connection rolls back by itself; the error worth reporting is the first one.
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
