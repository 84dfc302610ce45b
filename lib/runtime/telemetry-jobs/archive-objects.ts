import { GetObjectCommand, paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import { errorMessage } from '../shared/error-fields';
import { ARCHIVE_PREFIX, decodeArchive } from '../telemetry/archive-format';
import type { Reading } from '../telemetry/reading';

/** Reading the archive: every object of a day's partition, whoever wrote it (the export, the stream archiver). */

const ARCHIVE_OBJECT_SUFFIX = '.json.gz';

/** The keys of a day's archive objects, all pages of the listing. */
export async function archiveKeysOfDay(s3: S3Client, bucket: string, day: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: `${ARCHIVE_PREFIX}dt=${day}/` })) {
    for (const object of page.Contents ?? []) {
      // Skips the empty "folder" objects the console creates.
      if (object.Key?.endsWith(ARCHIVE_OBJECT_SUFFIX)) keys.push(object.Key);
    }
  }
  return keys;
}

/** Downloads and decodes one archive object. */
export async function readArchiveObject(s3: S3Client, bucket: string, key: string): Promise<Reading[]> {
  let body: Uint8Array;
  try {
    const output = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    body = (await output.Body?.transformToByteArray()) ?? new Uint8Array();
  } catch (error) {
    // InvalidObjectState: the lifecycle moved the object to a class that needs a restore first.
    const name = error instanceof Error ? error.name : 'Error';
    throw new Error(`cannot read s3://${bucket}/${key}: ${name}: ${errorMessage(error)}`);
  }
  try {
    return decodeArchive(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  } catch (error) {
    throw new Error(`s3://${bucket}/${key} is not a valid archive object (${errorMessage(error)})`);
  }
}
