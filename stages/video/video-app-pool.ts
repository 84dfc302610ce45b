import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { acknowledge } from '../../lib/checks/acknowledge';
import { Alerts } from '../../lib/constructs/alerts';
import { AppPool } from '../../lib/constructs/app-pool';
import { ChatDatabase } from '../../lib/constructs/chat-database';
import { Network } from '../../lib/constructs/network';
import { NodeAppBundle } from '../../lib/constructs/node-app-bundle';
import { PublicEntrance } from '../../lib/constructs/public-entrance';

/** What the video app on a pool serves: everything (the monolith), or one side of the split. */
export type VideoAppRole = 'all' | 'video' | 'chat';

/** Properties of {@link videoAppPool}. */
export interface VideoAppPoolProps {
  readonly role: VideoAppRole;
  readonly network: Network;
  readonly bundle: NodeAppBundle;
  /** Video assets the app serves or links to with presigned URLs. */
  readonly media: s3.IBucket;
  /** Catalog and chat message store. */
  readonly database: ChatDatabase;
  readonly alerts: Alerts;
  readonly minCapacity: number;
  readonly maxCapacity: number;
}

/** The video app (lib/runtime/video-app) bundled once and shipped to every pool that runs it. */
export function videoAppBundle(scope: Construct): NodeAppBundle {
  return new NodeAppBundle(scope, 'AppBundle', {
    entry: 'lib/runtime/video-app/main.ts',
    // Optional peers of the mongodb and ws packages that DocumentDB and this app never use.
    externals: ['kerberos', '@mongodb-js/zstd', '@aws-sdk/credential-providers', 'gcp-metadata', 'snappy', 'socks', 'aws4', 'mongodb-client-encryption', 'bufferutil', 'utf-8-validate'],
  });
}

/** Viewers browse, watch and chat without signing in, as the talk's platform did; every stage that has an ALB says so. */
export function acknowledgeAnonymousViewers(entrance: PublicEntrance): void {
  acknowledge(entrance, {
    rule: 'WellArchitected-EntryPointAuthenticated',
    reason: 'Viewers browse and chat anonymously, as on the talk\'s platform; a ticketed deployment adds a Cognito or OIDC authenticate action on the listener.',
  });
}

/** Until stage 3, browsers fetch video straight from the bucket with presigned URLs: the origin is the only place it is served from. */
export function acknowledgeVideoFromOrigin(media: s3.IBucket): void {
  acknowledge(media, {
    rule: 'WellArchitected-BrowserContentThroughCdn',
    reason: 'The talk\'s stages 1-2 serve video from the app and the bucket; stage 3 moves delivery to CloudFront ("use on-demand resources").',
  });
}

/** A pool running the video app in one role, with read access to the media and the database. */
export function videoAppPool(scope: Construct, id: string, props: VideoAppPoolProps): AppPool {
  const pool = new AppPool(scope, id, {
    network: props.network,
    bundle: props.bundle,
    alerts: props.alerts,
    serviceName: 'video-app',
    component: props.role === 'all' ? 'video+chat' : props.role,
    healthCheckPath: props.role === 'all' ? '/health' : `/${props.role}/health`,
    // Chat is a WebSocket; stickiness keeps a reconnecting client on the instance that has its state.
    sticky: props.role !== 'video',
    minCapacity: props.minCapacity,
    maxCapacity: props.maxCapacity,
    environment: {
      APP_ROLE: props.role,
      MEDIA_BUCKET: props.media.bucketName,
      DOCDB_SECRET_ARN: props.database.cluster.secret!.secretArn,
      DOCDB_CA_FILE: '/opt/video-app/global-bundle.pem',
    },
  });
  // The app streams manifests and presigns GETs of media objects; it never writes. With ListBucket a
  // missing key answers 404 (NoSuchKey) instead of 403, so the app can tell them apart.
  pool.instanceRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [props.media.arnForObjects('*')] }));
  pool.instanceRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.media.bucketArn] }));
  props.database.allowAppAccess(pool.asg);
  acknowledge(pool, {
    rule: 'WellArchitected-ManagedCompute',
    reason: 'The talk\'s stages 1-3 run video and chat on instances the team manages; chat moves to API Gateway and Lambda in stage 4 and live video to IVS in stage 5.',
  });
  acknowledge(pool.instanceRole, {
    rule: `AwsSolutions-IAM5[Resource::<${Stack.of(scope).getLogicalId(props.media.node.defaultChild as s3.CfnBucket)}.Arn>/*]`,
    reason: 'The app presigns GET URLs for any video asset in the media bucket; read-only, objects only.',
  });
  return pool;
}
