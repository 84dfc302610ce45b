import { SynthesizedStage, synthIot, synthVideo } from '../support/synth-stage';

/**
 * Create and update constraints that CloudFormation or the services enforce only at deploy time, one
 * describe per row of docs/deploy-readiness.md. Each test failed on the template before its fix.
 */
const STAGES = [1, 2, 3, 4, 5];
const video: Record<number, SynthesizedStage> = {};
const iot: Record<number, SynthesizedStage> = {};
beforeAll(() => {
  for (const id of STAGES) {
    video[id] = synthVideo(id);
    iot[id] = synthIot(id);
  }
});

type Resource = { Type: string; Properties?: any; DeletionPolicy?: string; DependsOn?: string | string[] };
const resourcesOf = (s: SynthesizedStage, type: string): Array<[string, Resource]> =>
  Object.entries(s.json.Resources ?? {}).filter(([, r]) => r.Type === type) as Array<[string, Resource]>;
const userData = (s: SynthesizedStage) => resourcesOf(s, 'AWS::EC2::LaunchTemplate').map(([, lt]) => JSON.stringify(lt.Properties.LaunchTemplateData.UserData)).join('\n');

describe('RDS for Oracle: DBName', () => {
  test('is 1-8 letters and digits starting with a letter, and is the service name the collector connects to', () => {
    const [[, oracle]] = resourcesOf(iot[1], 'AWS::RDS::DBInstance');
    expect(oracle.Properties.DBName).toMatch(/^[A-Za-z][A-Za-z0-9]{0,7}$/);
    expect(userData(iot[1])).toContain(`DATABASE_NAME=${oracle.Properties.DBName}`);
  });
});

/** Every `AWS` principal of a policy document, as JSON text (tokens included). */
function awsPrincipals(document: any): string[] {
  return (document?.Statement ?? []).flatMap((s: any) => {
    const aws = s.Principal?.AWS;
    return aws === undefined ? [] : (Array.isArray(aws) ? aws : [aws]).map((p: unknown) => JSON.stringify(p));
  });
}

describe('KMS key policies: principals', () => {
  test.each(STAGES)('stage %i: no key policy names an IAM role or user the template does not create (KMS rejects principals that do not exist yet)', (id) => {
    for (const s of [video[id], iot[id]]) {
      for (const [, key] of resourcesOf(s, 'AWS::KMS::Key')) {
        const foreign = awsPrincipals(key.Properties.KeyPolicy).filter((p) => /:(role|user)\//.test(p) && !p.includes('Fn::GetAtt'));
        expect(foreign).toEqual([]);
      }
    }
  });

  const alertsKey = (s: SynthesizedStage) => resourcesOf(s, 'AWS::KMS::Key').find(([id]) => id.startsWith('AlertsKey'))![1];
  const autoScalingStatement = (s: SynthesizedStage) =>
    alertsKey(s).Properties.KeyPolicy.Statement.find((st: any) => JSON.stringify(st.Condition ?? {}).includes('AWSServiceRoleForAutoScaling'));

  test.each([...STAGES.map((id) => ['video', id] as const), ...STAGES.map((id) => ['iot', id] as const)])(
    '%s %i: the Auto Scaling service-linked role may use the alerts key through SNS, by condition, exactly where a fleet exists',
    (study, id) => {
      const s = study === 'video' ? video[id] : iot[id];
      const statement = autoScalingStatement(s);
      if (resourcesOf(s, 'AWS::AutoScaling::AutoScalingGroup').length === 0) {
        expect(statement).toBeUndefined();
        return;
      }
      expect(statement.Principal).toEqual({ AWS: '*' });
      expect(Object.keys(statement.Condition.StringEquals).sort()).toEqual(['aws:PrincipalArn', 'kms:CallerAccount', 'kms:ViaService']);
      expect(JSON.stringify(statement.Condition.StringEquals['kms:ViaService'])).toContain('sns.');
    },
  );
});

describe('API Gateway: the account-level CloudWatch Logs role behind stage logging', () => {
  // HTTP API stages log through CloudWatch Logs log delivery, with the deployer's own permissions; only
  // REST and WebSocket stages write through the account's role.
  test.each(STAGES)('video %i: a WebSocket stage that logs comes with the account setting it needs, retained, and waits for it', (id) => {
    const websocketApis = new Set(resourcesOf(video[id], 'AWS::ApiGatewayV2::Api').filter(([, api]) => api.Properties.ProtocolType === 'WEBSOCKET').map(([apiId]) => apiId));
    const stages = resourcesOf(video[id], 'AWS::ApiGatewayV2::Stage').filter(([, st]) => st.Properties.AccessLogSettings && websocketApis.has(st.Properties.ApiId?.Ref));
    const accounts = resourcesOf(video[id], 'AWS::ApiGateway::Account');
    if (stages.length === 0) {
      expect(accounts).toEqual([]);
      return;
    }
    expect(accounts).toHaveLength(1);
    const [[accountId, account]] = accounts;
    expect(account.DeletionPolicy).toBe('Retain');
    const [roleId] = account.Properties.CloudWatchRoleArn['Fn::GetAtt'];
    const role = video[id].json.Resources![roleId] as Resource;
    expect(role.DeletionPolicy).toBe('Retain');
    expect(JSON.stringify(role.Properties.AssumeRolePolicyDocument)).toContain('apigateway.amazonaws.com');
    expect(JSON.stringify(role.Properties.ManagedPolicyArns)).toContain('AmazonAPIGatewayPushToCloudWatchLogs');
    for (const [, stage] of stages) expect([stage.DependsOn ?? []].flat()).toContain(accountId);
  });
});

/** Where each type this project uses keeps a physical name it picks itself (others get generated names). */
const PHYSICAL_NAME: Record<string, (p: any) => unknown> = {
  'AWS::Glue::Database': (p) => p.DatabaseInput?.Name,
  'AWS::Glue::Table': (p) => p.TableInput?.Name,
  'AWS::Athena::WorkGroup': (p) => p.Name,
  'AWS::S3::Bucket': (p) => p.BucketName,
  'AWS::DynamoDB::GlobalTable': (p) => p.TableName,
  'AWS::Logs::LogGroup': (p) => p.LogGroupName,
  'AWS::SecretsManager::Secret': (p) => p.Name,
  'AWS::IAM::Role': (p) => p.RoleName,
  'AWS::IVS::Channel': (p) => p.Name,
  'AWS::IoT::TopicRule': (p) => p.RuleName,
  'AWS::ECS::Cluster': (p) => p.ClusterName,
};

describe('fixed physical names', () => {
  test.each(STAGES)('stage %i: nothing with a name of its own is retained (a stage or stack coming back could not create it again)', (id) => {
    for (const s of [video[id], iot[id]]) {
      const clashes = Object.entries(s.json.Resources ?? {})
        .filter(([, r]) => typeof PHYSICAL_NAME[r.Type]?.(r.Properties ?? {}) === 'string' && ['Retain', 'RetainExceptOnCreate'].includes(r.DeletionPolicy ?? ''))
        .map(([logicalId, r]) => `${logicalId} ${r.Type}`);
      expect(clashes).toEqual([]);
    }
  });

  test.each([3, 4, 5])('iot %i: the named Athena workgroup can be deleted when its stage leaves, saved queries and all', (id) => {
    for (const [, workGroup] of resourcesOf(iot[id], 'AWS::Athena::WorkGroup')) expect(workGroup.Properties.RecursiveDeleteOption).toBe(true);
  });
});

describe('ECS: the service-linked role on a fresh account', () => {
  test.each([3, 4, 5])('iot %i: no capacity provider association (it races the ECS service-linked role that CreateCluster creates); tasks launch as FARGATE', (id) => {
    expect(resourcesOf(iot[id], 'AWS::ECS::ClusterCapacityProviderAssociations')).toEqual([]);
    for (const [, cluster] of resourcesOf(iot[id], 'AWS::ECS::Cluster')) expect(cluster.Properties.CapacityProviders).toBeUndefined();
    const launches = JSON.stringify([...resourcesOf(iot[id], 'AWS::Scheduler::Schedule'), ...resourcesOf(iot[id], 'AWS::Events::Rule')]);
    expect(launches).toContain('"LaunchType":"FARGATE"');
  });
});

describe('cost of a deploy with defaults', () => {
  test('IoT stage 1 provisions a workshop-sized Oracle volume that can grow, not 64 TiB of Multi-AZ storage', () => {
    const [[, oracle]] = resourcesOf(iot[1], 'AWS::RDS::DBInstance');
    expect(Number(oracle.Properties.AllocatedStorage)).toBeLessThanOrEqual(200);
    expect(oracle.Properties.MaxAllocatedStorage).toBeLessThanOrEqual(1000);
  });
});

describe('deploying needs an AWS account and nothing more', () => {
  test.each([3, 4, 5])('iot %i: no image is built at deploy time (no Docker): every container runs a stock public image', (id) => {
    const definitions = resourcesOf(iot[id], 'AWS::ECS::TaskDefinition');
    expect(definitions.length).toBeGreaterThan(0);
    for (const [, definition] of definitions) {
      for (const container of definition.Properties.ContainerDefinitions) expect(container.Image).toMatch(/^public\.ecr\.aws\//);
    }
    expect(JSON.stringify(iot[id].json)).not.toContain('container-assets');
  });
});

/** Both studies at every stage, labelled for test names. */
const ALL_STAGES = () => STAGES.flatMap((id) => [['video', id, video[id]], ['iot', id, iot[id]]] as const);
const each = (fn: (s: SynthesizedStage) => void) => () => {
  for (const [, , s] of ALL_STAGES()) fn(s);
};

describe('names, lengths and character sets the services enforce', () => {
  test('security group descriptions: at most 255 characters from the set EC2 allows in a VPC', each((s) => {
    for (const [, group] of resourcesOf(s, 'AWS::EC2::SecurityGroup')) {
      expect(group.Properties.GroupDescription).toMatch(/^[a-zA-Z0-9. _\-:/()#,@[\]+=&;{}!$*]{0,255}$/);
    }
  }));

  test('generated database passwords leave out what the engines reject (/, ", @, space); Oracle takes at most 30', each((s) => {
    for (const [id, secret] of resourcesOf(s, 'AWS::SecretsManager::Secret')) {
      const generate = secret.Properties.GenerateSecretString;
      if (!generate) continue;
      for (const character of ['/', '"', '@']) expect(generate.ExcludeCharacters).toContain(character);
      expect(generate.IncludeSpace ?? false).toBe(false);
      if (id.includes('Oracle')) expect(generate.PasswordLength).toBeLessThanOrEqual(30);
    }
  }));

  test('Lambda functions set no reserved environment variable (AWS_REGION and the like)', each((s) => {
    const reserved = ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_LAMBDA_FUNCTION_NAME', '_HANDLER'];
    for (const [, fn] of resourcesOf(s, 'AWS::Lambda::Function')) {
      expect(Object.keys(fn.Properties.Environment?.Variables ?? {}).filter((k) => reserved.includes(k))).toEqual([]);
    }
  }));
});

describe('engine, class and size combinations', () => {
  test('database engines and classes are the ones docs/deploy-readiness.md checked', each((s) => {
    const offered: Record<string, string[]> = {
      'oracle-se2-cdb': ['db.m5.xlarge'],
      'aurora-postgresql': ['db.r7g.large', 'db.serverless'],
      docdb: ['db.serverless'],
    };
    for (const [, db] of [...resourcesOf(s, 'AWS::RDS::DBInstance'), ...resourcesOf(s, 'AWS::DocDB::DBInstance')]) {
      const engine = db.Properties.Engine ?? 'docdb';
      expect(offered[engine]).toContain(db.Properties.DBInstanceClass);
    }
  }));

  test('serverless members belong to a cluster with a scaling range the service accepts (0.5 to 256 capacity units)', each((s) => {
    for (const [, db] of [...resourcesOf(s, 'AWS::RDS::DBInstance'), ...resourcesOf(s, 'AWS::DocDB::DBInstance')]) {
      if (db.Properties.DBInstanceClass !== 'db.serverless') continue;
      const clusterId = db.Properties.DBClusterIdentifier.Ref as string;
      const range = s.json.Resources![clusterId].Properties.ServerlessV2ScalingConfiguration;
      expect(range).toBeDefined();
      expect(range.MinCapacity).toBeGreaterThanOrEqual(0.5);
      expect(range.MaxCapacity).toBeGreaterThanOrEqual(Math.max(1, range.MinCapacity));
      expect(range.MaxCapacity).toBeLessThanOrEqual(256);
      for (const bound of [range.MinCapacity, range.MaxCapacity]) expect(Number.isInteger(bound * 2)).toBe(true);
    }
  }));

  test("DocumentDB's parameter group family matches its engine version", each((s) => {
    for (const [, cluster] of resourcesOf(s, 'AWS::DocDB::DBCluster')) {
      const [[, parameters]] = resourcesOf(s, 'AWS::DocDB::DBClusterParameterGroup');
      expect(parameters.Properties.Family).toBe(`docdb${cluster.Properties.EngineVersion.split('.').slice(0, 2).join('.')}`);
    }
  }));

  test('Fargate task sizes are CPU and memory pairs Fargate offers', each((s) => {
    const memoryFor: Record<string, number[]> = {
      '256': [512, 1024, 2048],
      '512': [1024, 2048, 3072, 4096],
      '1024': [2048, 3072, 4096, 5120, 6144, 7168, 8192],
      '2048': Array.from({ length: 13 }, (_, i) => 4096 + i * 1024),
      '4096': Array.from({ length: 23 }, (_, i) => 8192 + i * 1024),
    };
    for (const [, task] of resourcesOf(s, 'AWS::ECS::TaskDefinition')) {
      expect(memoryFor[task.Properties.Cpu]).toContain(Number(task.Properties.Memory));
    }
  }));

  test('fleets launch from launch templates: accounts created since 2023 cannot create launch configurations', each((s) => {
    expect(resourcesOf(s, 'AWS::AutoScaling::LaunchConfiguration')).toEqual([]);
    for (const [, group] of resourcesOf(s, 'AWS::AutoScaling::AutoScalingGroup')) expect(group.Properties.LaunchTemplate).toBeDefined();
  }));

  test('Lambda functions run on a runtime that can still be created (nodejs24.x)', each((s) => {
    for (const [, fn] of resourcesOf(s, 'AWS::Lambda::Function')) {
      if (fn.Properties.Runtime) expect(['nodejs24.x', 'nodejs22.x']).toContain(fn.Properties.Runtime);
    }
  }));
});

describe('what services write to', () => {
  const bucket = (s: SynthesizedStage, ref: unknown) => s.json.Resources![JSON.stringify(ref).match(/"(?:Ref|Fn::GetAtt)":\[?"([^"]+)"/)![1]] as Resource;

  test('the load balancers log to an SSE-S3 bucket (ALB log delivery cannot write SSE-KMS objects)', each((s) => {
    for (const [, lb] of resourcesOf(s, 'AWS::ElasticLoadBalancingV2::LoadBalancer')) {
      const target = lb.Properties.LoadBalancerAttributes.find((a: any) => a.Key === 'access_logs.s3.bucket').Value;
      expect(bucket(s, target).Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    }
  }));

  test('CloudFront standard logs go to a bucket with ACLs enabled (legacy logging writes through ACLs)', each((s) => {
    for (const [, distribution] of resourcesOf(s, 'AWS::CloudFront::Distribution')) {
      const target = bucket(s, distribution.Properties.DistributionConfig.Logging.Bucket);
      expect(target.Properties.OwnershipControls.Rules[0].ObjectOwnership).not.toBe('BucketOwnerEnforced');
    }
  }));

  test('IVS records to an SSE-S3 bucket in the same region (its service-linked role has no customer key)', each((s) => {
    for (const [, recording] of resourcesOf(s, 'AWS::IVS::RecordingConfiguration')) {
      const target = bucket(s, recording.Properties.DestinationConfiguration.S3.BucketName);
      expect(target.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    }
  }));

  test('WAF logs go to a log group named aws-waf-logs-..., by its ARN without the :* suffix CloudFormation\'s Arn attribute carries', each((s) => {
    for (const [, logging] of resourcesOf(s, 'AWS::WAFv2::LoggingConfiguration')) {
      const [destination] = logging.Properties.LogDestinationConfigs;
      const text = JSON.stringify(destination);
      expect(text).not.toContain(':*');
      const [group] = JSON.stringify(destination).match(/"Ref":"([^"]+)"/g)!.map((r) => r.slice(7, -1)).filter((id) => s.json.Resources![id]?.Type === 'AWS::Logs::LogGroup');
      // The name's first literal piece, whether it is a plain string or the start of an Fn::Join.
      expect(JSON.stringify(s.json.Resources![group].Properties.LogGroupName)).toMatch(/^(\{"Fn::Join":\["[^"]*",\[)?"aws-waf-logs-/);
    }
  }));

  test('every function callers invoke through a CodeDeploy-shifted alias has a deployment group whose role CodeDeploy can assume', each((s) => {
    for (const [id, alias] of resourcesOf(s, 'AWS::Lambda::Alias')) {
      const update = (alias as { UpdatePolicy?: any }).UpdatePolicy?.CodeDeployLambdaAliasUpdate;
      if (!update) continue;
      const group = s.json.Resources![update.DeploymentGroupName.Ref] as Resource;
      const role = s.json.Resources![group.Properties.ServiceRoleArn['Fn::GetAtt'][0]] as Resource;
      expect({ id, principal: JSON.stringify(role.Properties.AssumeRolePolicyDocument) }).toEqual({ id, principal: expect.stringContaining('codedeploy.amazonaws.com') });
      expect(s.json.Resources![update.ApplicationName.Ref].Properties.ComputePlatform).toBe('Lambda');
    }
  }));

  test('a template with a SAR rotation application declares the SAM transform (cdk deploy passes CAPABILITY_AUTO_EXPAND)', each((s) => {
    if (resourcesOf(s, 'AWS::Serverless::Application').length > 0) expect(s.json).toHaveProperty('Transform', 'AWS::Serverless-2016-10-31');
  }));
});

describe('account quotas a fresh account starts with', () => {
  test.each(STAGES)('stage %i: both stacks together need at most 4 Elastic IPs with the default two AZs (default quota 5 per region)', (id) => {
    expect(resourcesOf(video[id], 'AWS::EC2::EIP').length + resourcesOf(iot[id], 'AWS::EC2::EIP').length).toBeLessThanOrEqual(4);
  });
});
