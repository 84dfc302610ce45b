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
  test.each(STAGES)('video %i: a stage that logs comes with the account setting it needs, retained, and waits for it', (id) => {
    const stages = resourcesOf(video[id], 'AWS::ApiGatewayV2::Stage').filter(([, st]) => st.Properties.AccessLogSettings);
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
