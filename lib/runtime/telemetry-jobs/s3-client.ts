import { S3Client } from '@aws-sdk/client-s3';

/** Where the jobs' S3 client connects. */
export interface S3Settings {
  readonly region: string;
  /** A local S3-compatible server (tests, development); unset in AWS. */
  readonly s3Endpoint?: string;
}

export function createS3Client(settings: S3Settings): S3Client {
  return new S3Client({
    region: settings.region,
    // Local servers serve buckets as paths; virtual-hosted names would need DNS for every bucket.
    ...(settings.s3Endpoint ? { endpoint: settings.s3Endpoint, forcePathStyle: true } : {}),
  });
}
