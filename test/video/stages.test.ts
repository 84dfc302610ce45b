import { Match } from 'aws-cdk-lib/assertions';
import { SynthesizedStage, idsOfType, synthVideo } from '../support/synth-stage';

const stage: Record<number, SynthesizedStage> = {};
beforeAll(() => {
  for (const id of [1, 2, 3, 4, 5]) stage[id] = synthVideo(id);
});

/** The user data of every launch template, joined into one string (tokens rendered as JSON). */
function userData(s: SynthesizedStage): string[] {
  return Object.values(s.template.findResources('AWS::EC2::LaunchTemplate')).map((lt) =>
    JSON.stringify(lt.Properties.LaunchTemplateData.UserData),
  );
}

describe('stage 1: monolith', () => {
  test('one Auto Scaling group from a launch template (no launch configuration), one target group', () => {
    const t = stage[1].template;
    t.resourceCountIs('AWS::AutoScaling::AutoScalingGroup', 1);
    t.resourceCountIs('AWS::AutoScaling::LaunchConfiguration', 0);
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::TargetGroup', 1);
    // Video and chat reach the one target group through one rule; anything else is a 404 at the load balancer.
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::ListenerRule', 1);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/video/*', '/chat/*'] } }],
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internet-facing',
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'access_logs.s3.enabled', Value: 'true' }]),
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' }]),
    });
  });

  test('instances: Graviton AL2023, IMDSv2 only, encrypted gp3, the app as a systemd service serving both roles', () => {
    stage[1].template.hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: Match.objectLike({
        MetadataOptions: Match.objectLike({ HttpTokens: 'required' }),
        BlockDeviceMappings: [Match.objectLike({ Ebs: Match.objectLike({ Encrypted: true, VolumeType: 'gp3' }) })],
      }),
    });
    const [script] = userData(stage[1]);
    expect(script).toContain('APP_ROLE=all');
    expect(script).toContain('systemctl enable --now video-app');
    expect(script).toContain('cfn-signal');
  });

  test('the flaw is visible: scaling tuned for the ~100 users it was tested with', () => {
    const t = stage[1].template;
    t.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', {
      MinSize: '2',
      MaxSize: '3',
      Tags: Match.arrayWith([Match.objectLike({ Key: 'wa:tested-concurrent-users', Value: '100' })]),
    });
    t.hasResourceProperties('AWS::AutoScaling::ScalingPolicy', { PolicyType: 'TargetTrackingScaling' });
  });

  test('DocumentDB: encrypted, TLS and audit logs on, backed up, a final snapshot on delete, spread over two instances', () => {
    const t = stage[1].template;
    // Deletion protection would make the snapshot-and-delete of the retirement (stage 4) or a destroy fail.
    t.hasResource('AWS::DocDB::DBCluster', { DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot' });
    t.hasResourceProperties('AWS::DocDB::DBCluster', {
      StorageEncrypted: true,
      DeletionProtection: false,
      BackupRetentionPeriod: 14,
      EnableCloudwatchLogsExports: ['audit', 'profiler'],
    });
    t.hasResourceProperties('AWS::DocDB::DBClusterParameterGroup', { Parameters: Match.objectLike({ tls: 'enabled', audit_logs: 'enabled' }) });
    t.resourceCountIs('AWS::DocDB::DBInstance', 2);
  });

  test('credentials rotate every 30 days from the app subnets (the data subnets cannot reach Secrets Manager)', () => {
    const t = stage[1].template;
    t.hasResourceProperties('AWS::SecretsManager::RotationSchedule', { RotationRules: { ScheduleExpression: 'rate(30 days)' } });
    t.hasResourceProperties('AWS::Serverless::Application', {
      Parameters: Match.objectLike({
        vpcSubnetIds: { 'Fn::Join': ['', [{ Ref: Match.stringLikeRegexp('NetworkVpcAppSubnet1') }, ',', { Ref: Match.stringLikeRegexp('NetworkVpcAppSubnet2') }]] },
      }),
    });
  });

  test('media bucket: private, versioned, TLS only, access-logged', () => {
    stage[1].template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'media/' }),
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
  });
});

describe('stage 2: split pools', () => {
  test('two pools, two target groups, path rules for /video/* and /chat/*', () => {
    const t = stage[2].template;
    t.resourceCountIs('AWS::AutoScaling::AutoScalingGroup', 2);
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::TargetGroup', 2);
    for (const [path, priority] of [['/video/*', 10], ['/chat/*', 20]] as const) {
      t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
        Priority: priority,
        Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: [path] } }],
      });
    }
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { HealthCheckPath: '/video/health' });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { HealthCheckPath: '/chat/health' });
    const scripts = userData(stage[2]).join('\n');
    expect(scripts).toContain('APP_ROLE=video');
    expect(scripts).toContain('APP_ROLE=chat');
  });

  test('each pool scales on its own policy: requests per target for video, asymmetric CPU steps for chat', () => {
    const t = stage[2].template;
    t.hasResourceProperties('AWS::AutoScaling::ScalingPolicy', {
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingConfiguration: Match.objectLike({
        PredefinedMetricSpecification: Match.objectLike({ PredefinedMetricType: 'ALBRequestCountPerTarget' }),
      }),
    });
    expect(Object.keys(t.findResources('AWS::AutoScaling::ScalingPolicy', { Properties: { PolicyType: 'StepScaling' } }))).toHaveLength(2);
  });

  test('no live events, no scheduled actions; with one, both pools are raised before it and released after', () => {
    stage[2].template.resourceCountIs('AWS::AutoScaling::ScheduledAction', 0);
    const withEvent = synthVideo(2, {}, {
      liveEvents: JSON.stringify([{ name: 'finals', startsAt: '2099-06-01T19:00:00Z', durationMinutes: 120, videoInstances: 10, chatInstances: 4 }]),
    }).template;
    withEvent.resourceCountIs('AWS::AutoScaling::ScheduledAction', 4);
    withEvent.hasResourceProperties('AWS::AutoScaling::ScheduledAction', { StartTime: '2099-06-01T18:30:00.000Z', MinSize: 10, DesiredCapacity: 10 });
    withEvent.hasResourceProperties('AWS::AutoScaling::ScheduledAction', { StartTime: '2099-06-01T18:30:00.000Z', MinSize: 4, DesiredCapacity: 4 });
    withEvent.hasResourceProperties('AWS::AutoScaling::ScheduledAction', { StartTime: '2099-06-01T21:00:00.000Z', MinSize: 2 });
  });
});

describe('stage 3: CloudFront', () => {
  test('a distribution reads the media bucket through origin access control', () => {
    const t = stage[3].template;
    t.resourceCountIs('AWS::CloudFront::Distribution', 1);
    t.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' }),
    });
    t.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue(), S3OriginConfig: { OriginAccessIdentity: '' } })],
        Logging: Match.objectLike({ Prefix: 'cdn/' }),
      }),
    });
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' })]) },
    });
  });

  test('manifests are cached for seconds, segments for a month', () => {
    const t = stage[3].template;
    t.hasResourceProperties('AWS::CloudFront::CachePolicy', { CachePolicyConfig: Match.objectLike({ DefaultTTL: 2, MaxTTL: 60 }) });
    t.hasResourceProperties('AWS::CloudFront::CachePolicy', { CachePolicyConfig: Match.objectLike({ DefaultTTL: 30 * 86400 }) });
    t.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: Match.arrayWith([Match.objectLike({ PathPattern: '*.m3u8' }), Match.objectLike({ PathPattern: '*.mpd' })]),
      }),
    });
  });

  test('the video pool is retired: only the chat pool and its /chat/* rule remain', () => {
    const t = stage[3].template;
    t.resourceCountIs('AWS::AutoScaling::AutoScalingGroup', 1);
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::ListenerRule', 1);
    const scripts = userData(stage[3]).join('\n');
    expect(scripts).toContain('APP_ROLE=chat');
    expect(scripts).not.toContain('APP_ROLE=video');
  });

  test('the catalog the video pool served moves to an HTTP API: reads anonymous, adding a video IAM-signed', () => {
    const t = stage[3].template;
    t.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    const routes = Object.values(t.findResources('AWS::ApiGatewayV2::Route')).map((r) => [r.Properties.RouteKey, r.Properties.AuthorizationType]);
    expect(routes.sort()).toEqual([
      ['GET /video/catalog', 'NONE'],
      ['GET /video/catalog/{id}', 'NONE'],
      ['POST /video/catalog', 'AWS_IAM'],
    ]);
    t.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 1000 }),
    });
  });

  test('catalog table: the entries listed oldest first through an index, retained, recoverable, deletion protected', () => {
    const [table] = idsOfType(stage[3].json, 'AWS::DynamoDB::GlobalTable');
    const resource = stage[3].json.Resources![table!]!;
    expect(resource.DeletionPolicy).toBe('Retain');
    expect(resource.Properties.Replicas[0].DeletionProtectionEnabled).toBe(true);
    expect(resource.Properties.KeySchema).toEqual([{ AttributeName: 'id', KeyType: 'HASH' }]);
    expect(resource.Properties.GlobalSecondaryIndexes).toEqual([
      expect.objectContaining({ IndexName: 'byCreatedAt', KeySchema: [{ AttributeName: 'listing', KeyType: 'HASH' }, { AttributeName: 'createdAt', KeyType: 'RANGE' }] }),
    ]);
    expect(resource.Properties.Replicas[0].PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
  });

  test('the catalog is copied from DocumentDB while the stage deploys, by a function in the app subnets that may reach the cluster', () => {
    const t = stage[3].template;
    const [copy] = idsOfType(stage[3].json, 'Custom::VideoCatalogImport');
    const resource = stage[3].json.Resources![copy!]!;
    const copier = resource.Properties.ServiceToken['Fn::GetAtt'][0];
    const fn = stage[3].json.Resources![copier]!;
    expect(fn.Properties.VpcConfig.SubnetIds).toHaveLength(2);
    expect(Object.keys(fn.Properties.Environment.Variables).sort()).toEqual(['CATALOG_TABLE_NAME', 'DOCDB_SECRET_ARN']);
    // It waits for the cluster's instances, which must answer the copy.
    const instances = idsOfType(stage[3].json, 'AWS::DocDB::DBInstance');
    expect((resource as { DependsOn?: string[] }).DependsOn).toEqual(expect.arrayContaining(instances));
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: { 'Fn::GetAtt': [Match.stringLikeRegexp('ChatDatabaseCluster'), 'Port'] }, SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('CatalogImportCopier'), 'GroupId'] } });
  });
});

describe('stage 4: serverless chat', () => {
  test('a WebSocket API with $connect, $disconnect, $default and sendmessage routes', () => {
    const t = stage[4].template;
    t.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' });
    for (const routeKey of ['$connect', '$disconnect', '$default', 'sendmessage']) {
      t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: routeKey });
    }
    t.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 500, ThrottlingBurstLimit: 1000 }),
    });
  });

  test('a connections table with TTL and point-in-time recovery', () => {
    stage[4].template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [{ AttributeName: 'connectionId', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
    });
  });

  test('handlers on Node.js 24, arm64, with least-privilege table access', () => {
    const t = stage[4].template;
    const functions = Object.entries(t.findResources('AWS::Lambda::Function'))
      .filter(([id]) => id.startsWith('ServerlessChat'))
      .map(([, fn]) => fn);
    expect(functions).toHaveLength(6); // four routes, the fan-out worker, the history
    for (const fn of functions) expect(fn.Properties.Runtime).toBe('nodejs24.x');
    for (const fn of functions) expect(fn.Properties.Architectures).toEqual(['arm64']);
    const policies = t.findResources('AWS::IAM::Policy');
    const dynamoActionsOf = (fn: string) =>
      Object.entries(policies)
        .filter(([id]) => id.startsWith(`ServerlessChat${fn}ServiceRoleDefaultPolicy`))
        .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
        .flatMap((st: { Action: string | string[] }) => [st.Action].flat())
        .filter((a: string) => a.startsWith('dynamodb:'))
        .sort();
    expect(dynamoActionsOf('OnConnect')).toEqual(['dynamodb:PutItem']);
    expect(dynamoActionsOf('SendMessage')).toEqual(['dynamodb:PutItem']); // the history; it no longer reads connections
    expect(dynamoActionsOf('FanOut')).toEqual(['dynamodb:DeleteItem', 'dynamodb:Scan']);
    expect(dynamoActionsOf('History')).toEqual(['dynamodb:Query']);
  });

  test('sendmessage queues; the fan-out worker takes the queue ten jobs at a time, reports failures per job, and is bounded', () => {
    const t = stage[4].template;
    const [queue] = idsOfType(stage[4].json, 'AWS::SQS::Queue').filter((id) => id.includes('FanOutQueue'));
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [queue, 'Arn'] },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 20 },
    });
    const resource = stage[4].json.Resources![queue!]!;
    expect(resource.DeletionPolicy).toBe('Retain');
    expect(resource.Properties).toEqual(expect.objectContaining({ SqsManagedSseEnabled: true, VisibilityTimeout: 360, RedrivePolicy: { deadLetterTargetArn: expect.anything(), maxReceiveCount: 3 } }));
    // A backlog and a dead-lettered job both reach the operators.
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateAgeOfOldestMessage', Threshold: 30, AlarmActions: Match.anyValue() });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateNumberOfMessagesVisible', Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('FanOutFailures'), 'QueueName'] } }] });
  });

  test('chat history: a messages table ordered by time with a 30-day TTL, read at GET /chat/history next to the catalog', () => {
    const t = stage[4].template;
    t.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [{ AttributeName: 'room', KeyType: 'HASH' }, { AttributeName: 'position', KeyType: 'RANGE' }],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
    const routes = Object.values(t.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties.RouteKey);
    expect(routes).toEqual(expect.arrayContaining(['GET /chat/history', 'GET /video/catalog']));
  });

  test('the chat pool, the ALB, the NAT gateways and the DocumentDB instances are gone', () => {
    const t = stage[4].template;
    for (const type of ['AWS::AutoScaling::AutoScalingGroup', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::EC2::NatGateway', 'AWS::DocDB::DBInstance']) {
      t.resourceCountIs(type, 0);
    }
  });
});

describe('stage 5: IVS', () => {
  test('an IVS channel, RTMPS only, recording to S3 through a recording configuration', () => {
    const t = stage[5].template;
    const [recording] = idsOfType(stage[5].json, 'AWS::IVS::RecordingConfiguration');
    t.hasResourceProperties('AWS::IVS::Channel', {
      InsecureIngest: false,
      RecordingConfigurationArn: { 'Fn::GetAtt': [recording, 'Arn'] },
    });
    t.hasResourceProperties('AWS::IVS::RecordingConfiguration', {
      DestinationConfiguration: { S3: { BucketName: { Ref: Match.stringLikeRegexp('LiveChannelRecordings') } } },
    });
  });

  test('recordings replay through the CloudFront distribution under /ivs/*', () => {
    stage[5].template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: Match.arrayWith([Match.objectLike({ DomainName: { 'Fn::GetAtt': [Match.stringLikeRegexp('LiveChannelRecordings'), 'RegionalDomainName'] } })]),
        CacheBehaviors: Match.arrayWith([Match.objectLike({ PathPattern: 'ivs/*.m3u8' }), Match.objectLike({ PathPattern: 'ivs/*' })]),
      }),
    });
  });

  test('the stream key stays in IVS: outputs carry its ARN, never its value, and no copy is kept elsewhere', () => {
    const [streamKey] = idsOfType(stage[5].json, 'AWS::IVS::StreamKey');
    expect(streamKey).toBeDefined();
    const outputs = JSON.stringify(stage[5].json.Outputs);
    expect(outputs).toContain(JSON.stringify({ 'Fn::GetAtt': [streamKey, 'Arn'] }));
    expect(outputs).not.toContain(JSON.stringify({ 'Fn::GetAtt': [streamKey, 'Value'] }));
    const elsewhere = Object.entries(stage[5].json.Resources!).filter(([, r]) => JSON.stringify(r.Properties ?? {}).includes(`"${streamKey}","Value"`));
    expect(elsewhere).toEqual([]);
  });

  test('chat stays serverless', () => {
    stage[5].template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'WEBSOCKET' });
  });

  test('the catalog copy ran in stage 3 and is gone from stages 4 and 5', () => {
    for (const id of [4, 5]) expect(idsOfType(stage[id]!.json, 'Custom::VideoCatalogImport')).toEqual([]);
  });
});

describe('stages 4-5: every caller invokes a live alias that CodeDeploy shifts by canary', () => {
  type Resource = { Type: string; Properties: any };
  const resources = (s: SynthesizedStage) => s.json.Resources as Record<string, Resource>;
  /** The function an alias (by logical ID) points at, or undefined when the ID is not an alias. */
  const aliasTarget = (s: SynthesizedStage, id: string) => (resources(s)[id]?.Type === 'AWS::Lambda::Alias' ? resources(s)[id].Properties.FunctionName.Ref : undefined);

  test.each([4, 5])('stage %i: API integrations and the event source mapping name aliases, never a function itself', (id) => {
    const s = stage[id];
    const integrations = Object.values(resources(s)).filter((r) => r.Type === 'AWS::ApiGatewayV2::Integration');
    expect(integrations.length).toBeGreaterThan(0);
    for (const integration of integrations) {
      const uri = JSON.stringify(integration.Properties.IntegrationUri);
      const alias = idsOfType(s.json, 'AWS::Lambda::Alias').find((a) => uri.includes(`"${a}"`));
      expect({ uri, alias: alias !== undefined }).toEqual({ uri, alias: true });
    }
    const mappings = Object.values(resources(s)).filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping');
    expect(mappings.length).toBe(1);
    for (const mapping of mappings) {
      // `<function name>:live`, the name taken from the alias's ARN.
      const name = JSON.stringify(mapping.Properties.FunctionName);
      expect(idsOfType(s.json, 'AWS::Lambda::Alias').some((a) => name.includes(`"${a}"`) && aliasTarget(s, a) !== undefined) && name.endsWith('":live"]]}')).toBe(true);
    }
  });

  test.each([4, 5])('stage %i: each alias has a deployment group that shifts by canary and rolls back when its error alarm fires', (id) => {
    const s = stage[id];
    const aliases = idsOfType(s.json, 'AWS::Lambda::Alias');
    expect(aliases.length).toBe(7);
    for (const alias of aliases) {
      const update = (s.json.Resources![alias] as { UpdatePolicy?: any }).UpdatePolicy?.CodeDeployLambdaAliasUpdate;
      const group = resources(s)[update.DeploymentGroupName.Ref].Properties;
      expect(group.DeploymentConfigName).toBe('CodeDeployDefault.LambdaCanary10Percent5Minutes');
      expect(group.AutoRollbackConfiguration).toEqual({ Enabled: true, Events: expect.arrayContaining(['DEPLOYMENT_STOP_ON_ALARM', 'DEPLOYMENT_FAILURE']) });
      const [alarm] = group.AlarmConfiguration.Alarms.map((a: { Name: { Ref: string } }) => resources(s)[a.Name.Ref].Properties);
      // The alias's own errors: the function's name with the alias as its Resource dimension.
      expect(alarm.Dimensions).toEqual([
        { Name: 'FunctionName', Value: { Ref: aliasTarget(s, alias) } },
        { Name: 'Resource', Value: { 'Fn::Join': ['', [{ Ref: aliasTarget(s, alias) }, ':live']] } },
      ]);
      expect(alarm.AlarmActions.length).toBeGreaterThan(0);
    }
  });
});

describe('stages 3-5: what operators watch besides the components', () => {
  type Resource = { Type: string; Properties: any };
  const ofType = (s: SynthesizedStage, type: string) => Object.entries(s.json.Resources as Record<string, Resource>).filter(([, r]) => r.Type === type);

  test.each([3, 4, 5])('stage %i: a canary lists the catalog through the API every 10 minutes, and its failures notify', (id) => {
    const s = stage[id];
    const [[canaryId, canary]] = ofType(s, 'AWS::Synthetics::Canary');
    expect(canary.Properties.Schedule.Expression).toBe('rate(10 minutes)');
    const journey = JSON.stringify(canary.Properties.RunConfig.EnvironmentVariables.JOURNEY);
    const [api] = idsOfType(s.json, 'AWS::ApiGatewayV2::Api').filter((a) => a.startsWith('ViewerApi'));
    expect(journey).toContain(`"${api}"`);
    expect(journey).toContain('/video/catalog');
    const alarms = ofType(s, 'AWS::CloudWatch::Alarm').filter(([, a]) => JSON.stringify(a.Properties.Dimensions ?? []).includes(`"${canaryId}"`));
    expect(alarms.map(([, a]) => [a.Properties.MetricName, a.Properties.AlarmActions.length > 0])).toEqual([['SuccessPercent', true]]);
  });

  test.each([3, 4, 5])('stage %i: every DynamoDB table has alarms that notify on its throttling and on its server errors', (id) => {
    const s = stage[id];
    const alarms = ofType(s, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    for (const [table] of ofType(s, 'AWS::DynamoDB::GlobalTable')) {
      const mine = alarms.filter((a) => JSON.stringify(a.Metrics ?? a.Dimensions ?? []).includes(`"${table}"`));
      const watched = mine.flatMap((a) => (a.Metrics ?? []).map((m: any) => m.MetricStat?.Metric?.MetricName).filter(Boolean));
      expect({ table, throttles: watched.includes('ReadThrottleEvents') && watched.includes('WriteThrottleEvents'), errors: watched.includes('SystemErrors') }).toEqual({ table, throttles: true, errors: true });
      expect(mine.every((a) => a.AlarmActions.length > 0)).toBe(true);
    }
  });
});
