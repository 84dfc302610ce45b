/**
 * Where a browser should fetch a media object from: a short-lived presigned S3 URL
 * (deployed) or the app's own local file route (local runs).
 */
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { keyToUrlPath } from './media-key';

export interface MediaLinks {
  /** A URL (absolute, or a path on this app) for an already-validated key. */
  linkFor(key: string): Promise<string>;
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
}

/** The path prefix under which the app streams files from MEDIA_DIR. */
export const LOCAL_FILES_PREFIX = '/video/files/';

export class LocalMediaLinks implements MediaLinks {
  async linkFor(key: string): Promise<string> {
    return LOCAL_FILES_PREFIX + keyToUrlPath(key);
  }
}
