import { Match } from 'aws-cdk-lib/assertions';
import { ARCHIVE_BUFFERING, archiveObjectsPerDay } from '../../lib/constructs/archive-delivery';
import { SynthesizedStage, idsOfType, synthIot } from '../support/synth-stage';

const stage: Record<number, SynthesizedStage> = {};
beforeAll(() => {
  for (const id of [1, 2, 3, 4, 5]) stage[id] = synthIot(id);
});

function userData(s: SynthesizedStage): string {
  return Object.values(s.template.findResources('AWS::EC2::LaunchTemplate'))
    .map((lt) => JSON.stringify(lt.Properties.LaunchTemplateData.UserData))
    .join('\n');
}

describe('stage 1: forklift', () => {
  test('RDS for Oracle SE2, licence included, Multi-AZ, encrypted, a final snapshot when deleted', () => {
    stage[1].template.hasResource('AWS::RDS::DBInstance', {
      DeletionPolicy: 'Snapshot',
      Properties: Match.objectLike({
        Engine: Match.stringLikeRegexp('^oracle-se2'),
        LicenseModel: 'license-included',
        MultiAZ: true,
        StorageEncrypted: true,
        DeletionProtection: false,
        BackupRetentionPeriod: 14,
      }),
    });
  });

  test('an ingestion load balancer in front of one fleet that collects and analyses, writing to Oracle', () => {
    const t = stage[1].template;
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
    t.resourceCountIs('AWS::AutoScaling::AutoScalingGroup', 1);
    t.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', { MinSize: '2' });
    // Collection and analysis reach the one fleet through one rule; anything else is a 404 at the load balancer.
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::TargetGroup', 1);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/telemetry', '/devices/*'] } }],
    });
    expect(userData(stage[1])).toContain('STORE=oracle');
  });

  test("the talk's forklift is one documented value away: 64 TiB up front, no storage autoscaling", () => {
    const talk = synthIot(1, {}, { oracleStorageGiB: 65536 }).template;
    talk.hasResourceProperties('AWS::RDS::DBInstance', { AllocatedStorage: '65536', MaxAllocatedStorage: Match.absent() });
  });

  test('any other size gets storage autoscaling up to ten times the allocation', () => {
    synthIot(1, {}, { oracleStorageGiB: 200 }).template.hasResourceProperties('AWS::RDS::DBInstance', { AllocatedStorage: '200', MaxAllocatedStorage: 2000 });
  });
});

describe('stage 2: Aurora', () => {
  test('an Aurora PostgreSQL cluster with a writer and a reader pinned to two different AZs', () => {
    const t = stage[2].template;
    t.hasResource('AWS::RDS::DBCluster', {
      DeletionPolicy: 'Snapshot',
      Properties: Match.objectLike({ Engine: 'aurora-postgresql', StorageEncrypted: true, DeletionProtection: false }),
    });
    const instances = Object.values(t.findResources('AWS::RDS::DBInstance'));
    expect(instances).toHaveLength(2);
    const zones = instances.map((i) => JSON.stringify(i.Properties.AvailabilityZone));
    expect(new Set(zones).size).toBe(2);
    expect(zones.join()).toContain('"Fn::Select":[0');
    expect(zones.join()).toContain('"Fn::Select":[1');
  });

  test('no Oracle any more, and the collector swaps one storage adapter', () => {
    const instances = Object.values(stage[2].template.findResources('AWS::RDS::DBInstance'));
    for (const i of instances) expect(i.Properties.Engine).toBe('aurora-postgresql');
    expect(userData(stage[2])).toContain('STORE=postgres');
    expect(userData(stage[2])).not.toContain('STORE=oracle');
  });

  test('credentials rotate every 30 days', () => {
    stage[2].template.hasResourceProperties('AWS::SecretsManager::RotationSchedule', { RotationRules: { ScheduleExpression: 'rate(30 days)' } });
  });
});

describe('stage 3: tiering', () => {
  test('an archive bucket whose data ages into cheaper classes Athena can still read', () => {
    stage[3].template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            Transitions: [
              { StorageClass: 'STANDARD_IA', TransitionInDays: 30 },
              { StorageClass: 'GLACIER_IR', TransitionInDays: 180 },
            ],
          }),
        ]),
      },
    });
  });

  test('a Glue table over the archive with day partitions projected, and an Athena workgroup', () => {
    const t = stage[3].template;
    t.hasResourceProperties('AWS::Glue::Table', {
      TableInput: Match.objectLike({
        Name: 'readings',
        PartitionKeys: [{ Name: 'dt', Type: 'string' }],
        Parameters: Match.objectLike({ 'projection.enabled': 'true', 'projection.dt.type': 'date', 'projection.dt.format': 'yyyy-MM-dd' }),
        StorageDescriptor: Match.objectLike({
          Location: Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith(['/readings/'])]) }),
          InputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
          SerdeInfo: { SerializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe' },
          Columns: [
            { Name: 'device_id', Type: 'string' },
            { Name: 'ts', Type: 'timestamp' },
            { Name: 'metric', Type: 'string' },
            { Name: 'value', Type: 'double' },
          ],
        }),
      }),
    });
    t.hasResourceProperties('AWS::Athena::WorkGroup', {
      WorkGroupConfiguration: Match.objectLike({ EnforceWorkGroupConfiguration: true, BytesScannedCutoffPerQuery: 100 * 1024 ** 3 }),
    });
  });

  test('a scheduled export job: a Fargate task started nightly by EventBridge Scheduler, failures to a queue', () => {
    const t = stage[3].template;
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      RequiresCompatibilities: ['FARGATE'],
      RuntimePlatform: { CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' },
      ContainerDefinitions: Match.arrayWith([
        Match.objectLike({ Name: 'job', Command: ['node', '/app/export-archive.js'], User: 'node', ReadonlyRootFilesystem: true }),
      ]),
    });
    t.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 2 * * ? *)',
      Target: Match.objectLike({ EcsParameters: Match.objectLike({ LaunchType: 'FARGATE' }), DeadLetterConfig: Match.anyValue() }),
    });
  });
});

describe('stage 4: DynamoDB', () => {
  test('a real-time table: on demand, TTL on the hot window, point-in-time recovery', () => {
    stage[4].template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'deviceId', KeyType: 'HASH' }, { AttributeName: 'ts', KeyType: 'RANGE' }],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
    });
  });

  test('the collector writes there (and to Aurora for history)', () => {
    expect(userData(stage[4])).toContain('STORE=dynamodb+postgres');
    stage[4].template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: ['dynamodb:BatchWriteItem', 'dynamodb:PutItem', 'dynamodb:Query'] })]) },
    });
  });
});

describe('stage 5: serverless compute', () => {
  test('an IoT topic rule invokes the ingest Lambda through its live alias, with an error action to a queue', () => {
    const t = stage[5].template;
    const [ingest] = idsOfType(stage[5].json, 'AWS::Lambda::Function').filter((id) => id.startsWith('IotIngestionIngest'));
    const [live] = idsOfType(stage[5].json, 'AWS::Lambda::Alias').filter((id) => id.startsWith('IotIngestionIngestLive'));
    expect(stage[5].json.Resources![live].Properties.FunctionName).toEqual({ Ref: ingest });
    t.hasResourceProperties('AWS::IoT::TopicRule', {
      TopicRulePayload: Match.objectLike({
        Sql: Match.stringLikeRegexp("FROM 'telemetry/\\+/data'"),
        Actions: [{ Lambda: { FunctionArn: { Ref: live } } }, { Firehose: Match.objectLike({ BatchMode: false, DeliveryStreamName: Match.anyValue() }) }],
        ErrorAction: { Sqs: Match.objectLike({ QueueUrl: Match.anyValue() }) },
      }),
    });
    t.hasResourceProperties('AWS::Lambda::Permission', { Principal: 'iot.amazonaws.com', FunctionName: { Ref: live } });
    // Asynchronous invocation settings are per qualifier: the alias the rule invokes carries them.
    const [config] = idsOfType(stage[5].json, 'AWS::Lambda::EventInvokeConfig');
    expect(JSON.stringify(stage[5].json.Resources![config].Properties.Qualifier)).toContain(live);
    t.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: ingest },
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      MaximumRetryAttempts: 2,
    });
  });

  test('a Fargate analysis task started by an EventBridge rule per job file and nightly', () => {
    const t = stage[5].template;
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: Match.arrayWith([Match.objectLike({ Name: 'job', Command: ['node', '/app/analyse.js'] })]),
    });
    t.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({ source: ['aws.s3'], 'detail-type': ['Object Created'] }),
      Targets: [Match.objectLike({ EcsParameters: Match.objectLike({ LaunchType: 'FARGATE' }), DeadLetterConfig: Match.anyValue() })],
    });
    t.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'cron(0 3 * * ? *)' });
  });

  test('Data Firehose writes the archive: a transform per buffer, large Parquet objects through the Glue table, partitioned by the readings\' day', () => {
    const t = stage[5].template;
    const [transform] = idsOfType(stage[5].json, 'AWS::Lambda::Function').filter((id) => id.startsWith('ArchiveDeliveryTransform'));
    const [table] = idsOfType(stage[5].json, 'AWS::Glue::Table');
    t.hasResourceProperties('AWS::KinesisFirehose::DeliveryStream', {
      DeliveryStreamEncryptionConfigurationInput: { KeyType: 'AWS_OWNED_CMK' },
      ExtendedS3DestinationConfiguration: Match.objectLike({
        Prefix: 'readings/dt=!{partitionKeyFromLambda:dt}/',
        ErrorOutputPrefix: Match.stringLikeRegexp('^archive-errors/'),
        BufferingHints: { IntervalInSeconds: 900, SizeInMBs: 128 },
        DynamicPartitioningConfiguration: Match.objectLike({ Enabled: true }),
        ProcessingConfiguration: {
          Enabled: true,
          Processors: [Match.objectLike({ Type: 'Lambda', Parameters: Match.arrayWith([{ ParameterName: 'LambdaArn', ParameterValue: { 'Fn::GetAtt': [transform, 'Arn'] } }]) })],
        },
        DataFormatConversionConfiguration: Match.objectLike({
          Enabled: true,
          InputFormatConfiguration: { Deserializer: { OpenXJsonSerDe: Match.anyValue() } },
          OutputFormatConfiguration: { Serializer: { ParquetSerDe: Match.objectLike({ Compression: 'SNAPPY' }) } },
          SchemaConfiguration: Match.objectLike({ TableName: { Ref: table } }),
        }),
      }),
    });
    t.resourceCountIs('AWS::Lambda::EventSourceMapping', 0);
    // The figures the benchmark and the README compute come from these very settings.
    expect([ARCHIVE_BUFFERING.interval.toSeconds(), ARCHIVE_BUFFERING.size.toMebibytes()]).toEqual([900, 128]);
  });

  test('objects a day: one per buffer interval while events are small, one per 128 MiB when they are large', () => {
    expect(archiveObjectsPerDay(1_160, 100)).toEqual({ objects: 96, secondsPerObject: 900, bytesPerObject: 900 * 116_000 });
    const large = archiveObjectsPerDay(1_160, 80_000);
    expect(large.bytesPerObject).toBeCloseTo(128 * 2 ** 20);
    expect(large.objects).toBe(Math.ceil(86_400 / ((128 * 2 ** 20) / (1_160 * 80_000))));
  });

  test('a serverless read API serves the collector\'s device routes, IAM-signed only', () => {
    const t = stage[5].template;
    t.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    for (const route of ['GET /devices/{id}/latest', 'GET /devices/{id}/stats']) {
      t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: route, AuthorizationType: 'AWS_IAM' });
    }
    t.resourceCountIs('AWS::ApiGatewayV2::Route', 2);
    t.hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageName: '$default', AccessLogSettings: Match.anyValue(), DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 100 }) });
    expect(stage[5].json.Outputs?.DeviceReadUrl).toBeDefined();
  });

  test('the EC2 fleet, its load balancer, the export job and Aurora are gone', () => {
    const t = stage[5].template;
    for (const type of ['AWS::AutoScaling::AutoScalingGroup', 'AWS::EC2::LaunchTemplate', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::RDS::DBCluster']) {
      t.resourceCountIs(type, 0);
    }
    expect(JSON.stringify(stage[5].json)).not.toContain('export-archive.js');
  });

  test('every queue is encrypted, TLS only, and alarms when anything lands in it', () => {
    const t = stage[5].template;
    const queues = Object.keys(t.findResources('AWS::SQS::Queue'));
    expect(queues.length).toBeGreaterThanOrEqual(3);
    for (const q of Object.values(t.findResources('AWS::SQS::Queue'))) expect(q.Properties.SqsManagedSseEnabled).toBe(true);
    expect(Object.keys(t.findResources('AWS::CloudWatch::Alarm', { Properties: { MetricName: 'ApproximateNumberOfMessagesVisible' } }))).toHaveLength(queues.length);
  });
});

describe('batch jobs without an image of their own', () => {
  test('a fetch container copies the bundle and the RDS CA file into a volume; the job starts only when it succeeded', () => {
    const [, task] = Object.entries(stage[3].template.findResources('AWS::ECS::TaskDefinition'))[0];
    const containers = task.Properties.ContainerDefinitions as Array<Record<string, any>>;
    const fetch = containers.find((c) => c.Name === 'fetch')!;
    const job = containers.find((c) => c.Name === 'job')!;
    expect(fetch.Essential).toBe(false);
    expect(JSON.stringify(fetch.Command)).toContain('aws s3 cp');
    expect(JSON.stringify(fetch.Command)).toContain('global-bundle.pem');
    expect(job.DependsOn).toEqual([{ ContainerName: 'fetch', Condition: 'SUCCESS' }]);
    expect(job.MountPoints).toEqual([{ ContainerPath: '/app', SourceVolume: 'code', ReadOnly: true }]);
    expect(task.Properties.Volumes).toEqual([{ Name: 'code' }]);
  });
});
