import { createHash } from 'node:crypto';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { archiveKey, ArchiveFileWriter } from '../telemetry/archive-format';
import type { DayInFlight } from './archive-in-flight';
import { exactTimestampSql, type ExportedRow, toReading } from './exported-row';
import { type Database, tableIdentifier } from './readings-table';

/** What archiving a day needs. */
export interface ArchiveContext {
  readonly db: Database;
  readonly s3: S3Client;
  readonly bucket: string;
  /** Rows per query, and so per Parquet row group; capped by the day's rows per object. */
  readonly pageRows: number;
  /** Called after each object is uploaded: the test suite's place to crash a run. */
  readonly afterUpload?: (objectKey: string) => Promise<void>;
}

/** What archiving a day wrote. */
export interface DayArchived {
  readonly keys: string[];
  readonly rows: number;
  readonly bytes: number;
}

/**
 * The object names of a day's export: `export-<export id>-<00001…>`. The same table, export id and
 * rows per object always give the same names and contents, so a re-run overwrites.
 */
export function dayObjectKey(day: DayInFlight, index: number): string {
  return archiveKey(day.day, `export-${day.exportId}-${String(index).padStart(5, '0')}`);
}

/**
 * Writes every row of a detached day table to the archive in primary-key order, `rowsPerObject`
 * rows per Parquet object: a page of rows at a time from the database, so memory holds one page and
 * one object being built, whatever the size of the day. The table must be detached: nothing writes
 * to it, so the order, and with it every object's content, is the same on every run.
 */
export async function archiveDay(context: ArchiveContext, day: DayInFlight): Promise<DayArchived> {
  const table = tableIdentifier(day.table);
  const pageRows = Math.max(1, Math.min(context.pageRows, day.rowsPerObject));
  const keys: string[] = [];
  let rows = 0;
  let bytes = 0;
  let file = new ArchiveFileWriter();
  let last: ExportedRow | undefined;
  const upload = async () => {
    const body = file.finish();
    const key = dayObjectKey(day, keys.length + 1);
    await context.s3.send(
      new PutObjectCommand({
        Bucket: context.bucket,
        Key: key,
        Body: body,
        // S3 checks the body against it: a corrupted upload fails instead of archiving damage.
        ContentMD5: createHash('md5').update(body).digest('base64'),
        ContentType: 'application/vnd.apache.parquet',
      }),
    );
    keys.push(key);
    bytes += body.length;
    file = new ArchiveFileWriter();
    await context.afterUpload?.(key);
  };
  for (;;) {
    const want = Math.min(pageRows, day.rowsPerObject - file.rows);
    const page = await selectPage(context.db, table, last, want);
    if (page.length > 0) {
      file.append(page.map(toReading));
      rows += page.length;
      last = page[page.length - 1];
    }
    if (file.rows === day.rowsPerObject || (page.length < want && file.rows > 0)) await upload();
    if (page.length < want) return { keys, rows, bytes };
  }
}

/** The next `limit` rows after `after` in primary-key order; the key's row comparison walks the primary key index. */
async function selectPage(db: Database, table: string, after: ExportedRow | undefined, limit: number): Promise<ExportedRow[]> {
  const columns = `device_id, ${exactTimestampSql('ts')} AS ts, metric, value`;
  const { rows } = after
    ? await db.query<{ device_id: string; ts: string; metric: string; value: number }>(
        `SELECT ${columns} FROM ${table} WHERE (device_id, ts, metric) > ($1, $2::timestamptz, $3) ORDER BY device_id, ts, metric LIMIT $4`,
        [after.deviceId, after.ts, after.metric, limit],
      )
    : await db.query<{ device_id: string; ts: string; metric: string; value: number }>(`SELECT ${columns} FROM ${table} ORDER BY device_id, ts, metric LIMIT $1`, [limit]);
  return rows.map((r) => ({ deviceId: r.device_id, ts: r.ts, metric: r.metric, value: r.value }));
}
