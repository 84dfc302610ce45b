import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

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
    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: props.accessLogPrefix,
      cors: [
        {
          allowedMethods: [s3.HttpMethods.GET, s3.HttpMethods.HEAD],
          allowedOrigins: ['*'],
          allowedHeaders: ['Range'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        {
          id: 'tidy-versions-and-uploads',
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
    });
  }
}
