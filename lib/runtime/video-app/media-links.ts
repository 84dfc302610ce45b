/**
 * Where media objects live: a short-lived link a browser can fetch one from (a presigned
 * S3 URL when deployed, the app's own local file route in local runs), and the app's own
 * read of the small ones it serves itself (manifests).
 */
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { readLocalMediaFile } from './local-media-files';
import { keyToUrlPath } from './media-key';
import { readS3Object } from './s3-object-read';

/** The outcome of reading a whole object: its bytes, or why there are none. */
export type MediaRead = { kind: 'found'; body: Buffer } | { kind: 'missing' } | { kind: 'too-large' };

export interface MediaLinks {
  /** A URL (absolute, or a path on this app) for an already-validated key. */
  linkFor(key: string): Promise<string>;
  /** The whole object for an already-validated key; `too-large` rather than more than `maxBytes` in memory. */
  read(key: string, maxBytes: number): Promise<MediaRead>;
}

/** Long enough to start playback; short enough that a leaked link goes stale quickly. */
export const PRESIGNED_URL_SECONDS = 300;

export class S3MediaLinks implements MediaLinks {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly expiresInSeconds: number = PRESIGNED_URL_SECONDS,
  ) {}

  linkFor(key: string): Promise<string> {
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: this.bucket, Key: key }), { expiresIn: this.expiresInSeconds });
  }

  read(key: string, maxBytes: number): Promise<MediaRead> {
    return readS3Object(this.s3, this.bucket, key, maxBytes);
  }
}

/** The path prefix under which the app streams files from MEDIA_DIR. */
export const LOCAL_FILES_PREFIX = '/video/files/';

export class LocalMediaLinks implements MediaLinks {
  /** `dir` is MEDIA_DIR. */
  constructor(private readonly dir: string) {}

  async linkFor(key: string): Promise<string> {
    return LOCAL_FILES_PREFIX + keyToUrlPath(key);
  }

  read(key: string, maxBytes: number): Promise<MediaRead> {
    return readLocalMediaFile(this.dir, key, maxBytes);
  }
}
