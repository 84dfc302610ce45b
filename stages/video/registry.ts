import { PILLARS } from '../../lib/checks/framework/pillars';
import { CaseStudyInfo } from '../stage-info';

/** The talk's first story: a custom video streaming platform, from proof of concept to managed services. */
export const VIDEO_PLATFORM: CaseStudyInfo = {
  contextKey: 'video',
  stackName: 'VideoPlatform',
  title: 'Video streaming platform',
  stages: [
    {
      id: 1,
      slug: 'monolith',
      title: 'Monolith: one Auto Scaling group behind an ALB',
      reason:
        'A proof of concept that slid into production. Users reach an ALB in front of one Auto Scaling ' +
        'group whose instances run video and chat in one process, with DocumentDB and S3 for data. It is ' +
        'simple with little to operate, and security, cost and operations are reasonable, but the whole ' +
        'app is one blast radius and its scaling was only ever tested with about 100 users. Past that the ' +
        'first big stream slowed to 10-second responses, scaling flapped, and with chat on the same ' +
        'failing instances nobody could tell viewers what was going on.',
      adds: [
        'VPC over two AZs: public, app and isolated data subnets, a NAT gateway per AZ, flow logs',
        'Internet-facing ALB with access logs, routing everything to one target group',
        'App pool: one Auto Scaling group running video and chat in one process (APP_ROLE=all)',
        'Amazon DocumentDB Serverless cluster (two members, 0.5 to 16 DCUs) for the catalog and chat messages (encrypted, audited, backed up)',
        'S3 media bucket for video assets, S3 log archive, KMS key, alerts topic',
      ],
      retires: [],
      retiredParts: [],
      talk: {
        says: 'Reasonable success with operations, cost and security, and no success with reliability or performance.',
        claims: [
          { kind: 'below', pillars: ['reliability', 'performanceEfficiency'], others: ['operationalExcellence', 'security', 'costOptimization'] },
        ],
      },
    },
    {
      id: 2,
      slug: 'split-pools',
      title: 'Split pools: video and chat behind a path-routed ALB',
      reason:
        'After the first failed event the team split the instances into a video pool and a chat pool. The ' +
        'ALB routes by path, each pool has its own target group and scaling policy, so when video ' +
        'struggles chat keeps working and can tell viewers what is wrong. Known live events are ' +
        'pre-scaled on a schedule, the "easy" fix the talk names.',
      adds: [
        'Video pool (APP_ROLE=video) scaling on requests per target',
        'Chat pool (APP_ROLE=chat) with asymmetric step scaling that does not flap',
        'ALB path rules: /video/* and /chat/* to their own target groups',
        'Scheduled pre-scaling of both pools for each known live event (liveEvents prop)',
      ],
      retires: ['The single app pool (stateless; replaced by the two pools)'],
      retiredParts: ['AppPool'],
      talk: {
        says: 'Chat is much easier to scale and stays up to tell viewers what is wrong when the stream has problems.',
        claims: [{ kind: 'change', since: 1, up: ['reliability'] }],
      },
    },
    {
      id: 3,
      slug: 'cloudfront',
      title: 'Video through CloudFront',
      reason:
        'With video in its own pool the team asked whether it could be simpler. CloudFront delivers the ' +
        'HLS/DASH assets straight from S3, so the video pool and its idle capacity go: on-demand spend ' +
        'that tracks viewers, better performance at the edge, no worse operations or security.',
      adds: [
        'CloudFront distribution over the media bucket with origin access control',
        'Cache policies fit for HLS/DASH: short TTLs for manifests, long TTLs for segments',
        'The catalog the video pool served, without servers: an HTTP API (reads anonymous, adding a video ' +
          'IAM-signed), a Lambda function and a DynamoDB table, copied from DocumentDB while the stage deploys',
      ],
      retires: [
        'The video pool and its ALB path rule (stateless); the chat pool stays behind the ALB',
        'The catalog in DocumentDB: its entries are copied to the catalog table before the pool goes (a failed ' +
          'copy fails the deploy, which rolls back); DocumentDB keeps serving chat',
      ],
      retiredParts: ['VideoPool'],
      retiresCapabilities: [
        {
          capability: 'HTTP GET /video/assets/{+}',
          reason:
            'Players fetch media from the CDN instead: <MediaUrl>/<key>, with the key each catalog entry carries; ' +
            'the bytes came from S3 before too, now CloudFront caches them at the edge',
        },
      ],
      talk: {
        says: 'Cost optimization, reliability and performance improved, without degrading operations or security.',
        claims: [
          { kind: 'change', since: 1, up: ['costOptimization', 'reliability', 'performanceEfficiency'], notDown: ['operationalExcellence', 'security'] },
        ],
      },
    },
    {
      id: 4,
      slug: 'serverless-chat',
      title: 'Serverless WebSocket chat',
      reason:
        'The chat pool worked but was heavier than it needed to be. Following the AWS serverless chat ' +
        'blog, chat moves to an API Gateway WebSocket API with Lambda handlers and a DynamoDB ' +
        'connections table: it scales per message and costs nothing when nobody is chatting.',
      adds: [
        'API Gateway WebSocket API with $connect, $disconnect, sendmessage and $default routes',
        'Lambda handlers (Node.js 24, arm64) and a DynamoDB connections table with TTL and PITR',
        'Fan-out through SQS: sendmessage stores and queues a message, a worker splits the connections into ' +
          'batches of 100 that parallel invocations post (50 in flight each); retries, a dead-letter queue, alarms',
        'Chat history in a DynamoDB table (30 days by TTL), read at GET /chat/history on the platform API',
      ],
      retires: [
        'The chat pool and the ALB (stateless)',
        'DocumentDB: no compute uses it any more (the catalog left in stage 3, chat history starts afresh in ' +
          'the messages table); CloudFormation takes a final snapshot of the cluster (the old chat log) and ' +
          'deletes it with its instances, security, subnet and parameter groups; the key and secret the ' +
          'snapshot needs are retained: restore the snapshot to read the data again',
        'NAT gateways: nothing in the app subnets needs internet egress any more',
        'The catalog copy from DocumentDB (stage 3 ran it; its log group is retained)',
      ],
      retiredParts: ['ChatDatabase', 'ChatPool', 'Entrance', 'CatalogImport'],
      talk: {
        says: 'The chat instances were working but unnecessarily "heavy".',
        claims: [{ kind: 'change', since: 3, up: ['costOptimization'] }],
      },
    },
    {
      id: 5,
      slug: 'ivs',
      title: 'Live video on Amazon IVS',
      reason:
        'The team moves live ingest and playback to Amazon Interactive Video Service. It automates what ' +
        'they ran themselves, lowers the operational burden and lets them spend the time on features ' +
        'and reliability. Recordings land in S3 and replay through the existing CloudFront distribution.',
      adds: [
        'IVS channel (RTMPS ingest only) with a stream key that stays in IVS: outputs carry only its ARN',
        'Recording configuration writing to a recordings bucket, replayed through CloudFront under /ivs/*',
        'IVS stream and recording events logged to CloudWatch Logs; events that cannot be delivered wait in a dead-letter queue',
        'A live-event dashboard: viewers and ingest health from IVS, CDN error rates, both APIs and every function',
      ],
      retires: [],
      retiredParts: [],
      talk: {
        says: 'Applying the framework\'s principles, the team made improvements in all areas.',
        claims: [
          { kind: 'change', since: 1, up: PILLARS },
          // "This lowers the operational burden and lets them focus on other areas."
          { kind: 'change', since: 4, up: ['operationalExcellence'] },
        ],
      },
    },
  ],
};
