import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Properties of {@link dataBucket}. */
export interface DataBucketProps {
  /** Where S3 server access logs go. */
  readonly accessLogs: s3.IBucket;
  /** Prefix of this bucket's access logs in the archive, e.g. `media/`. */
  readonly accessLogPrefix: string;
  /**
   * Storage-class transitions of current versions.
   * @default - none: objects stay in S3 Standard
   */
  readonly transitions?: s3.Transition[];
  /**
   * CORS rules, for buckets that browsers read from directly.
   * @default - none
   */
  readonly cors?: s3.CorsRule[];
  /**
   * Prefixes whose objects expire, and when: data that has done its job (a processed job file).
   * @default - nothing expires
   */
  readonly expirations?: ReadonlyArray<{ readonly prefix: string; readonly after: Duration }>;
  /**
   * Send object events to EventBridge (set on the bucket itself, without CDK's notifications function).
   * @default false
   */
  readonly eventBridge?: boolean;
}

/**
 * A bucket that holds data the platform must never lose: private, TLS only, versioned, access-logged,
 * retained when its stage is retired, with old versions and failed uploads tidied away. SSE-S3, so
 * service principals (CloudFront OAC, IVS) read and write without key-policy plumbing.
 */
export function dataBucket(scope: Construct, id: string, props: DataBucketProps): s3.Bucket {
  const bucket = new s3.Bucket(scope, id, {
    encryption: s3.BucketEncryption.S3_MANAGED,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    versioned: true,
    removalPolicy: RemovalPolicy.RETAIN,
    serverAccessLogsBucket: props.accessLogs,
    serverAccessLogsPrefix: props.accessLogPrefix,
    cors: props.cors,
    lifecycleRules: [
      {
        id: 'tidy-versions-and-uploads',
        transitions: props.transitions,
        noncurrentVersionExpiration: Duration.days(30),
        abortIncompleteMultipartUploadAfter: Duration.days(7),
      },
      ...(props.expirations ?? []).map(({ prefix, after }) => ({ id: `expire-${prefix.replace(/[^A-Za-z0-9]/g, '')}`, prefix, expiration: after })),
    ],
  });
  if (props.eventBridge) {
    (bucket.node.defaultChild as s3.CfnBucket).notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };
  }
  return bucket;
}
