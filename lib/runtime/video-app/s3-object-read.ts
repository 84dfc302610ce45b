/**
 * Reads a whole S3 object into memory, up to a size limit, for the manifests the app
 * serves itself. A bigger object is refused without downloading it.
 */
import { GetObjectCommand, S3ServiceException, type S3Client } from '@aws-sdk/client-s3';
import type { MediaRead } from './media-links';

/** The SDK's Body in Node.js: a stream of bytes that must be consumed or destroyed to free its socket. */
type ObjectBody = AsyncIterable<Uint8Array> & { destroy?(): void };

export async function readS3Object(s3: S3Client, bucket: string, key: string, maxBytes: number): Promise<MediaRead> {
  let output;
  try {
    output = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  } catch (error) {
    if (isMissing(error)) return { kind: 'missing' };
    throw error;
  }
  const body = output.Body as ObjectBody | undefined;
  if (!body) return { kind: 'found', body: Buffer.alloc(0) };
  if (output.ContentLength !== undefined && output.ContentLength > maxBytes) {
    body.destroy?.();
    return { kind: 'too-large' };
  }
  return readUpTo(body, maxBytes);
}

async function readUpTo(body: ObjectBody, maxBytes: number): Promise<MediaRead> {
  const chunks: Buffer[] = [];
  let received = 0;
  // Leaving the loop early destroys the stream.
  for await (const chunk of body) {
    received += chunk.byteLength;
    if (received > maxBytes) return { kind: 'too-large' };
    chunks.push(Buffer.from(chunk));
  }
  return { kind: 'found', body: Buffer.concat(chunks) };
}

/**
 * NoSuchKey, and also AccessDenied: the instances may only GetObject, and without
 * s3:ListBucket S3 answers a missing key with 403 so as not to reveal that it is missing.
 */
function isMissing(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  const status = error.$metadata?.httpStatusCode;
  return error.name === 'NoSuchKey' || error.name === 'AccessDenied' || status === 404 || status === 403;
}
