import { Duration } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { dataBucket } from './data-bucket';

/** Properties of {@link MediaLibrary}. */
export interface MediaLibraryProps {
  /** Where S3 server access logs go. */
  readonly accessLogs: s3.IBucket;
  /** Prefix of this bucket's access logs in the archive. */
  readonly accessLogPrefix: string;
}

/**
 * A private, versioned bucket of video assets (HLS/DASH manifests and segments, MP4s). SSE-S3 rather
 * than SSE-KMS: CloudFront origin access control and IVS recording both read or write it without
 * key-policy plumbing, and the objects are published video, not secrets.
 */
export class MediaLibrary extends Construct {
  public readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: MediaLibraryProps) {
    super(scope, id);
    this.bucket = dataBucket(this, 'Bucket', {
      accessLogs: props.accessLogs,
      accessLogPrefix: props.accessLogPrefix,
      // A catalog's titles are watched unpredictably; Intelligent-Tiering moves the ones nobody plays to
      // cheaper tiers and back on the next view, with no retrieval fee.
      transitions: [{ storageClass: s3.StorageClass.INTELLIGENT_TIERING, transitionAfter: Duration.days(0) }],
      cors: [
        {
          allowedMethods: [s3.HttpMethods.GET, s3.HttpMethods.HEAD],
          allowedOrigins: ['*'],
          allowedHeaders: ['Range'],
          maxAge: 3000,
        },
      ],
    });
  }
}
