import { GetObjectCommand, paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import { type AsyncBuffer, cachedAsyncBuffer, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { errorMessage } from '../shared/error-fields';
import { ARCHIVE_SUFFIX, dayPrefix } from '../telemetry/archive-format';

/**
 * Reading the archive: every Parquet object of a day's partition, whoever wrote it (the stage 3-4
 * export, Firehose in stage 5), a row group at a time and only the columns asked for, through S3
 * range reads: memory holds one row group of those columns, not the object.
 */

/** An archive object as the listing names it. */
export interface ArchiveObject {
  readonly key: string;
  readonly size: number;
}

/** The day's archive objects, all pages of the listing. */
export async function archiveObjectsOfDay(s3: S3Client, bucket: string, day: string): Promise<ArchiveObject[]> {
  const objects: ArchiveObject[] = [];
  for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: dayPrefix(day) })) {
    for (const object of page.Contents ?? []) {
      // Skips the console's empty "folder" objects and anything that is not an archive object.
      if (object.Key?.endsWith(ARCHIVE_SUFFIX) && (object.Size ?? 0) > 0) objects.push({ key: object.Key, size: object.Size ?? 0 });
    }
  }
  return objects;
}

/**
 * Calls `visit` with the rows of each row group in turn, as objects of the requested columns.
 * Timestamps come as Dates whether the writer used INT64 milliseconds (the export) or INT96, as
 * Hive-based writers such as Firehose's Parquet conversion may.
 */
export async function forEachRowGroup<Row extends Record<string, unknown>>(
  s3: S3Client,
  bucket: string,
  object: ArchiveObject,
  columns: readonly (keyof Row & string)[],
  visit: (rows: Row[]) => void,
): Promise<void> {
  const file = cachedAsyncBuffer(s3RangeReader(s3, bucket, object));
  let metadata;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (error) {
    throw described(error, bucket, object.key);
  }
  let start = 0;
  for (const group of metadata.row_groups) {
    const end = start + Number(group.num_rows);
    let rows: Row[];
    try {
      rows = (await parquetReadObjects({ file, metadata, columns: [...columns], rowStart: start, rowEnd: end })) as Row[];
    } catch (error) {
      throw described(error, bucket, object.key);
    }
    visit(rows);
    start = end;
  }
}

/** An AsyncBuffer over an S3 object: each slice is one ranged GET. */
function s3RangeReader(s3: S3Client, bucket: string, object: ArchiveObject): AsyncBuffer {
  return {
    byteLength: object.size,
    slice: async (start: number, end?: number) => {
      const last = (end ?? object.size) - 1;
      let output;
      try {
        output = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: object.key, Range: `bytes=${start}-${last}` }));
      } catch (error) {
        // InvalidObjectState: the lifecycle moved the object to a class that needs a restore first.
        const name = error instanceof Error ? error.name : 'Error';
        throw new ReadFailure(`cannot read s3://${bucket}/${object.key}: ${name}: ${errorMessage(error)}`);
      }
      const bytes = (await output.Body?.transformToByteArray()) ?? new Uint8Array();
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  };
}

/** A failure to fetch, as opposed to bytes that are not an archive object. */
class ReadFailure extends Error {}

function described(error: unknown, bucket: string, key: string): Error {
  if (error instanceof ReadFailure) return error;
  return new Error(`s3://${bucket}/${key} is not a valid archive object (${errorMessage(error)})`);
}
