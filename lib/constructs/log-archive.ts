import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Properties of {@link LogArchive}. */
export interface LogArchiveProps {
  /**
   * How long access logs are kept.
   * @default Duration.days(400) - a year of history plus a margin for year-on-year comparisons
   */
  readonly retention?: Duration;
}

/**
 * The bucket every access log lands in: ALB, CloudFront and S3 server access logs. It uses SSE-S3
 * because ALB log delivery cannot write SSE-KMS objects, and keeps ACLs enabled
 * (BucketOwnerPreferred) because CloudFront standard logging still writes through ACLs.
 */
export class LogArchive extends Construct {
  public readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: LogArchiveProps = {}) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'age-out-access-logs',
          transitions: [{ storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(90) }],
          expiration: props.retention ?? Duration.days(400),
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
    });
  }
}
