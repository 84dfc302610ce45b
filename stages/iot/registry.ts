import { CaseStudyInfo } from '../stage-info';

/** The talk's second story: a legacy IoT telemetry platform moving from on premises to cloud native. */
export const IOT_PLATFORM: CaseStudyInfo = {
  contextKey: 'iot',
  stackName: 'IotPlatform',
  title: 'IoT telemetry platform',
  stages: [
    {
      id: 1,
      slug: 'forklift',
      title: 'Forklift: the on-premises design, moved as it was',
      reason:
        'A scientific IoT service that brings in a lot of revenue and is rock solid: devices around the ' +
        'world send readings for central collection and analysis, and customers pay for very little ' +
        'downtime. The first cloud architecture is a straight forklift: one Auto Scaling fleet that both ' +
        'collects and analyses, and RDS for Oracle, Multi-AZ, with storage provisioned at its 64 TiB ' +
        'ceiling. At 100 million events (about 8 TB) a day it fills every eight days. Reliability is high, ' +
        'which is what customers care about most; cost is the lesson.',
      adds: [
        'VPC over two AZs: public, app and isolated data subnets, a NAT gateway per AZ, flow logs',
        'Internet-facing ALB as the ingestion endpoint (POST /telemetry)',
        'Collector fleet: one Auto Scaling group that collects and analyses (STORE=oracle)',
        'RDS for Oracle SE2, licence included, Multi-AZ; 64 TiB of storage provisioned up front at the ' +
          "talk's scale (-c oracleStorageGiB=65536), 100 GiB that autoscales for a workshop",
      ],
      retires: [],
      retiredParts: [],
      talk: {
        says: 'A reasonable set of results: reliability is high, the thing customers care about most; the other areas could use improvement.',
        claims: [{ kind: 'highest', pillar: 'reliability' }],
      },
    },
    {
      id: 2,
      slug: 'aurora',
      title: 'Aurora PostgreSQL in place of Oracle',
      reason:
        'A fact-based feedback loop: the volume stored in Oracle is not tenable. Swapping the Oracle ' +
        'instance for Amazon Aurora is the easiest, lowest-risk change: the code change is one storage ' +
        'adapter, done in a sprint, and the talk reports an immediate 49% saving on usage. The collector ' +
        'switches adapter and Oracle leaves a final snapshot; its history moves into Aurora with AWS DMS ' +
        '(full load from the snapshot restored to a temporary instance, the Schema Conversion Tool for the ' +
        'DDL), or by export and import.',
      adds: [
        'Aurora PostgreSQL cluster: a writer and a reader in another AZ, storage that grows as it is used',
        'Credentials rotated every 30 days; the collector switches to STORE=postgres',
      ],
      retires: [
        'RDS for Oracle: CloudFormation takes a final snapshot and deletes the instance (DeletionPolicy ' +
          'Snapshot), so its licence, compute and storage stop billing; the key and credentials that restore ' +
          'the snapshot are retained',
      ],
      retiredParts: ['Oracle'],
      talk: {
        says: 'To no one\'s surprise, cost optimization increased significantly with this one move.',
        claims: [
          {
            kind: 'change',
            since: 1,
            clearlyUp: ['costOptimization'],
            notDown: ['operationalExcellence', 'security', 'reliability', 'performanceEfficiency', 'sustainability'],
          },
        ],
      },
    },
    {
      id: 3,
      slug: 'tiering',
      title: 'Older data to S3',
      reason:
        'Older data has a very different use than recent data, and keeping it in a relational database ' +
        'no longer makes sense: on premises the storage was a sunk cost, in the cloud it is not. A nightly ' +
        'job moves rows older than a configurable age to an S3 archive that ages into cheaper storage ' +
        'classes, catalogued in Glue and queryable in place with Athena; rows leave Aurora only after ' +
        'their export is confirmed written.',
      adds: [
        'Archive bucket (Parquet by day) with lifecycle to Standard-IA and Glacier Instant Retrieval',
        'Glue database and table with partition projection; Athena workgroup with enforced settings',
        'Nightly archive export as a Fargate task (EventBridge Scheduler): readings is partitioned by day, and each day past the ' +
          'cutoff is detached whole, written as Parquet and dropped (no row-by-row deletes); an ECS cluster for batch jobs',
      ],
      retires: [],
      retiredParts: [],
      talk: {
        says: 'Older data has a very different use, and the high cost of storing it in a relational database "just doesn\'t make sense anymore".',
        claims: [{ kind: 'change', since: 2, up: ['costOptimization'], notDown: ['operationalExcellence', 'security', 'reliability', 'performanceEfficiency', 'sustainability'] }],
      },
    },
    {
      id: 4,
      slug: 'dynamodb',
      title: 'Real-time data in DynamoDB',
      reason:
        'With older data in S3, the team streamlines the real-time path with DynamoDB: less expensive, ' +
        'simpler, and far more headroom. The collector writes each reading to a DynamoDB table (on demand, ' +
        'expiring after a hot window, point-in-time recovery) and serves real-time reads from it; Aurora ' +
        'keeps the recent history until the nightly export archives it.',
      adds: [
        'DynamoDB table of recent readings per device: on demand, TTL on the hot window, PITR, a stream',
        'The collector writes to DynamoDB and Aurora (STORE=dynamodb+postgres) and reads from DynamoDB',
        'Aurora on Serverless v2 (0.5 to 16 ACUs): with the real-time reads gone it only takes writes until the nightly ' +
          'export, so its compute follows that load; the members change class in place, the cluster and its data stay',
      ],
      retires: [],
      retiredParts: [],
      talk: {
        says: 'DynamoDB for the real-time data was "less expensive, simpler, and provided a lot more headroom for scaling".',
        claims: [{ kind: 'change', since: 3, up: ['costOptimization', 'performanceEfficiency'], notDown: ['operationalExcellence', 'security', 'reliability', 'sustainability'] }],
      },
    },
    {
      id: 5,
      slug: 'serverless',
      title: 'Fargate batch jobs and a Lambda per event',
      reason:
        'Compute moves off EC2. Devices publish to AWS IoT Core, a topic rule invokes one Lambda function ' +
        'per event that writes DynamoDB and hands the event to Data Firehose, which writes the archive in large Parquet ' +
        'objects by day; a serverless API serves the real-time reads the collector served. Analysis runs as a ' +
        'Fargate task only when there is a job (or nightly), reading the archive, so batch analysis and ' +
        'real-time processing no longer slow each other down. Everything is on demand and event driven, ' +
        'and failures land in dead-letter queues, without giving up the reliability the platform started with.',
      adds: [
        'IoT Core topic rule → ingest Lambda (one invocation per event) → DynamoDB; device policy',
        'IoT rule → Data Firehose (a Lambda transform validates and splits each event into rows) → Parquet by day in the ' +
          'archive, through the same Glue table as the export job\'s objects; objects of up to 128 MiB or 15 minutes of rows',
        'Real-time read API: GET /devices/{id}/latest and /devices/{id}/stats on an API Gateway HTTP API (IAM-signed) and a ' +
          'Lambda over the real-time table, answering as the collector did',
        'Fleet provisioning by claim: devices trade a shared claim certificate for one of their own; a ' +
          'template registers each as a thing with the device policy, after a hook refused taken or malformed serial numbers',
        'Batch analysis Fargate task run by an EventBridge rule per job file, and nightly',
        'Dead-letter queues for the rule, the ingest function and the job triggers',
      ],
      retires: [
        'The collector fleet and its ALB (stateless)',
        'The nightly export job: the stream archives each reading as it arrives (run the export once with ' +
          'EXPORT_OLDER_THAN_DAYS=0 before deploying to drain Aurora)',
        'Aurora: no longer written; CloudFormation takes a final cluster snapshot and deletes the cluster ' +
          '(DeletionPolicy Snapshot); the key and credentials that restore it are retained',
        'NAT gateways: nothing runs in the VPC between jobs; the Fargate tasks run in the public subnets with ' +
          'a public IP and a security group that admits nothing, and reach S3 through the gateway endpoint',
      ],
      retiredParts: ['Aurora', 'CollectorFleet', 'Ingestion', 'ArchiveExport'],
      retiresCapabilities: [
        {
          capability: 'HTTP POST /telemetry',
          reason:
            'Devices publish each record over MQTT to telemetry/<thing name>/data on AWS IoT Core instead, ' +
            'authenticated by their X.509 certificate; the open HTTP endpoint and the fleet behind it go',
        },
      ],
      talk: {
        says: 'Improvements in every area except reliability, which was already sky high and stayed there: cloud native without sacrificing any of it.',
        claims: [
          {
            kind: 'change',
            since: 2,
            up: ['operationalExcellence', 'security', 'performanceEfficiency', 'costOptimization', 'sustainability'],
            notDown: ['reliability'],
          },
        ],
      },
    },
  ],
};
