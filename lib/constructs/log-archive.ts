import { Aspects, Duration, IAspect, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct, IConstruct } from 'constructs';
import { acknowledge } from '../checks/acknowledge';

/** Properties of {@link LogArchive}. */
export interface LogArchiveProps {
  /**
   * How long access logs are kept.
   * @default Duration.days(400) - a year of history plus a margin for year-on-year comparisons
   */
  readonly retention?: Duration;
}

/**
 * cdk-nag counts a bucket that other buckets send their access logs to as a log destination and does
 * not ask it to log itself. Where only the load balancer or CloudFront write here (no bucket does),
 * the same reasoning holds but the rule cannot see it, so the finding is acknowledged then, and only then.
 */
class AcknowledgeLogDestination implements IAspect {
  constructor(private readonly bucket: s3.Bucket) {}

  public visit(node: IConstruct): void {
    if (node !== this.bucket.node.defaultChild) return;
    const stack = Stack.of(node);
    const target = JSON.stringify(stack.resolve(this.bucket.bucketName));
    const logsHere = stack.node
      .findAll()
      .some((c) => c instanceof s3.CfnBucket && c !== node && JSON.stringify(stack.resolve(stack.resolve(c.loggingConfiguration)?.destinationBucketName)) === target);
    if (!logsHere) {
      acknowledge(this.bucket, {
        rule: 'AwsSolutions-S1',
        reason: 'This bucket is the access-log destination (load balancer and CloudFront logs); logging it would need yet another log bucket.',
      });
    }
  }
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
    Aspects.of(this).add(new AcknowledgeLogDestination(this.bucket));
  }
}
