/**
 * Writes to the archive bucket (layout in ../telemetry/archive-format).
 *
 * Env: ARCHIVE_BUCKET (required); S3_ENDPOINT (tests and local runs only, e.g. s3rver, addressed
 * path-style; unset in AWS so the SDK picks the regional endpoint). Both are read at cold start.
 */
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { optionalEnv, requireEnv } from '../shared/env';

const bucketName = requireEnv('ARCHIVE_BUCKET');
const endpoint = optionalEnv('S3_ENDPOINT');

// Module scope: reused across invocations of a warm execution environment.
const s3 = new S3Client(endpoint ? { endpoint, forcePathStyle: true } : {});

/** Writes (or overwrites) one gzip-compressed archive object. Rejects with the SDK's error. */
export async function putArchiveObject(key: string, body: Buffer): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: bucketName, Key: key, Body: body, ContentType: 'application/gzip' }));
}
