import { parseArgs } from '../../../lib/workshop/cli/args';
import { cleanupCommand, cleanupRegion } from '../../../lib/workshop/cli/cleanup-command';
import { CommandIo } from '../../../lib/workshop/cli/commands';
import { deleteRetained } from '../../../lib/workshop/cleanup/delete';
import { planCleanup } from '../../../lib/workshop/cleanup/plan';
import { CommandFailure } from '../../../lib/workshop/command-failure';
import { UsageError } from '../../../lib/workshop/usage-error';
import { cli } from '../cli-io';
import { FakeAccount, FakeCloud } from './fake-cloud';

const ACCOUNT = '111122223333';
const STUDIES = [
  { study: 'video', stackName: 'VideoPlatform' },
  { study: 'iot', stackName: 'IotPlatform' },
];
const tag = (study: string) => ({ 'wa:case-study': study });
const arn = (service: string, resource: string) => `arn:aws:${service}:us-east-1:${ACCOUNT}:${resource}`;

const MEDIA_BUCKET = 'videoplatform-mediabucket4022ebbf-1a2b3c';
const CATALOG_TABLE = 'VideoPlatform-VideoCatalogTable85244809-ABCD';
const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const SECRET_ARN = arn('secretsmanager', 'secret:ChatDatabaseClusterSecret-AbCdEf');
const QUEUE_ARN = arn('sqs', 'VideoPlatform-ServerlessChatFanOutFailures-XyZ');
const DEVICE_POLICY = 'IotPlatform-IotIngestionDevicePolicy-QwErTy';
const LOGGING_ROLE = 'VideoPlatform-ServerlessChatLoggingRole-1A2B3C';

/** Both stacks destroyed: what cdk destroy left behind, plus things that are not this project's. */
function destroyedAccount(): FakeAccount {
  return {
    tagged: [
      { arn: `arn:aws:s3:::${MEDIA_BUCKET}`, tags: tag('video') },
      { arn: arn('dynamodb', `table/${CATALOG_TABLE}`), tags: tag('video') },
      { arn: arn('kms', `key/${KEY_ID}`), tags: tag('video') },
      { arn: arn('logs', 'log-group:VideoPlatform-ServerlessChatOnConnectLogs-AbC'), tags: tag('video') },
      { arn: SECRET_ARN, tags: tag('video') },
      { arn: QUEUE_ARN, tags: tag('video') },
      { arn: arn('iot', `policy/${DEVICE_POLICY}`), tags: tag('iot') },
      // A final snapshot that kept its tags: found again through the RDS API, which says how to delete it.
      { arn: arn('rds', 'cluster-snapshot:iotplatform-auroracluster-final'), tags: tag('iot') },
      // A tagged type the cleanup does not delete: listed, never touched.
      { arn: arn('ec2', 'instance/i-0123456789abcdef0'), tags: tag('iot') },
      // IAM is global: the tagging API may list a role of the same stack deployed in another region.
      { arn: `arn:aws:iam::${ACCOUNT}:role/VideoPlatform-ChatFunctionRole-XYZ`, tags: tag('video') },
      { arn: 'arn:aws:s3:::another-teams-bucket', tags: { team: 'other' } },
    ],
    snapshots: [
      { kind: 'dbClusterSnapshot', id: 'iotplatform-auroracluster-final', arn: arn('rds', 'cluster-snapshot:iotplatform-auroracluster-final'), source: 'iotplatform-auroraclusterd4efe71c-9xyz', tags: tag('iot') },
      // DocumentDB's API returns no tags: found by the stack's name in the source cluster's identifier.
      { kind: 'docdbClusterSnapshot', id: 'videoplatform-chatdb-final', arn: arn('rds', 'cluster-snapshot:videoplatform-chatdb-final'), source: 'videoplatform-chatdatabaseclusterd57cc0ae-abcd', tags: {} },
      { kind: 'dbSnapshot', id: 'iotplatform-oracle-final', arn: arn('rds', 'snapshot:iotplatform-oracle-final'), source: 'IotPlatform-OracleInstance401D16CB-abcd', tags: {} },
      { kind: 'dbSnapshot', id: 'payroll-final', arn: arn('rds', 'snapshot:payroll-final'), source: 'payroll', tags: {} },
    ],
    logGroups: ['/aws/lambda/VideoPlatform-CatalogImportFunction-AbC', '/aws/rds/cluster/iotplatform-auroraclusterd4efe71c-9xyz/postgresql', '/aws/lambda/Payroll-Fn'],
    roles: [
      { name: LOGGING_ROLE, arn: `arn:aws:iam::${ACCOUNT}:role/${LOGGING_ROLE}`, tags: tag('video'), trustedServices: ['apigateway.amazonaws.com'] },
      { name: 'VideoPlatform-ChatFunctionRole-XYZ', arn: `arn:aws:iam::${ACCOUNT}:role/VideoPlatform-ChatFunctionRole-XYZ`, tags: tag('video'), trustedServices: ['lambda.amazonaws.com'] },
      { name: 'VideoPlatform-NotOurs', arn: `arn:aws:iam::${ACCOUNT}:role/VideoPlatform-NotOurs`, tags: {}, trustedServices: ['apigateway.amazonaws.com'] },
    ],
  };
}

function quietIo(): CommandIo & { out: () => string } {
  let out = '';
  return {
    stdout: (text: string) => void (out += text),
    stderr: (text: string) => void (out += text),
    terminal: { width: 200, colour: false },
    get store(): never {
      throw new Error('cleanup never synthesizes');
    },
    out: () => out,
  };
}

async function runCleanup(cloud: FakeCloud, argv: string[]): Promise<string> {
  const command = cleanupCommand(() => cloud);
  const io = quietIo();
  await command.run(parseArgs(command, ['--region', 'us-east-1', ...argv]), io);
  return io.out();
}

describe('planning', () => {
  test('after cdk destroy: every retained resource and final snapshot of the project, nothing of anyone else', async () => {
    const plan = await planCleanup(new FakeCloud(destroyedAccount()), STUDIES);
    expect(plan.stacks.map((s) => s.deployed)).toEqual([false, false]);
    expect(plan.resources.map((r) => `${r.kind} ${r.study} ${r.foundBy} ${r.name}`)).toEqual([
      'dbClusterSnapshot iot tag iotplatform-auroracluster-final',
      'docdbClusterSnapshot video name videoplatform-chatdb-final',
      'dbSnapshot iot name iotplatform-oracle-final',
      `secret video tag ${SECRET_ARN}`,
      `kmsKey video tag ${KEY_ID}`,
      `bucket video tag ${MEDIA_BUCKET}`,
      `table video tag ${CATALOG_TABLE}`,
      'queue video tag VideoPlatform-ServerlessChatFanOutFailures-XyZ',
      'logGroup iot name /aws/rds/cluster/iotplatform-auroraclusterd4efe71c-9xyz/postgresql',
      'logGroup video name /aws/lambda/VideoPlatform-CatalogImportFunction-AbC',
      'logGroup video tag VideoPlatform-ServerlessChatOnConnectLogs-AbC',
      `iotPolicy iot tag ${DEVICE_POLICY}`,
      `iamRole video tag ${LOGGING_ROLE}`,
    ]);
    expect(plan.unrecognized.map((u) => u.arn)).toEqual([arn('ec2', 'instance/i-0123456789abcdef0')]);
  });

  test("a deployed stack's own resources are left alone; what a stage retired from it is not", async () => {
    const account = destroyedAccount();
    // VideoPlatform at stage 4: it still owns the bucket, table, key, queue and log group (physical IDs
    // as CloudFormation reports them: a queue by its URL); DocumentDB's secret was retired with it.
    account.stacks = {
      VideoPlatform: [
        MEDIA_BUCKET,
        CATALOG_TABLE,
        KEY_ID,
        `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/VideoPlatform-ServerlessChatFanOutFailures-XyZ`,
        'VideoPlatform-ServerlessChatOnConnectLogs-AbC',
        LOGGING_ROLE,
      ],
    };
    const plan = await planCleanup(new FakeCloud(account), STUDIES);
    expect(plan.stacks.map((s) => `${s.stackName} ${s.deployed}`)).toEqual(['VideoPlatform true', 'IotPlatform false']);
    const video = plan.resources.filter((r) => r.study === 'video').map((r) => `${r.kind} ${r.name}`);
    // No name lookups for a deployed stack: its functions still write to /aws/lambda/VideoPlatform-...
    expect(video).toEqual(['docdbClusterSnapshot videoplatform-chatdb-final', `secret ${SECRET_ARN}`]);
    // IotPlatform is not deployed: everything of it is left over, its log groups found by name too.
    expect(plan.resources.filter((r) => r.study === 'iot').map((r) => r.kind)).toEqual(['dbClusterSnapshot', 'dbSnapshot', 'logGroup', 'iotPolicy']);
  });

  test("while a stack is deployed, its fleets' instances are not reported as unrecognized leftovers", async () => {
    const account = destroyedAccount();
    account.stacks = { IotPlatform: ['IotPlatform-SomethingLive'] };
    const plan = await planCleanup(new FakeCloud(account), STUDIES);
    expect(plan.unrecognized).toEqual([]);
  });

  test('nothing left: an empty plan', async () => {
    const plan = await planCleanup(new FakeCloud({}), STUDIES);
    expect(plan.resources).toEqual([]);
  });
});

describe('deleting', () => {
  test('a dry run lists and deletes nothing', async () => {
    const cloud = new FakeCloud(destroyedAccount());
    const out = await runCleanup(cloud, []);
    expect(cloud.calls).toEqual([]);
    expect(out).toContain('13 resources. Dry run: nothing deleted. Run again with --delete to delete them.');
    expect(out).toContain('DocumentDB cluster snapshot  video  name      videoplatform-chatdb-final');
  });

  test('--json prints the plan as one object, and with --delete each outcome', async () => {
    const plan = JSON.parse(await runCleanup(new FakeCloud(destroyedAccount()), ['--json']));
    expect(plan).toMatchObject({ schemaVersion: 1, kind: 'wa-stages/cleanup', dryRun: true, region: 'us-east-1' });
    expect(plan.resources).toHaveLength(13);
    const deleted = JSON.parse(await runCleanup(new FakeCloud(destroyedAccount()), ['--json', '--delete']));
    expect(deleted.dryRun).toBe(false);
    expect(new Set(deleted.results.map((r: { outcome: string }) => r.outcome))).toEqual(new Set(['deleted', 'scheduled']));
  });

  test('--delete empties buckets of every version first, in batches S3 accepts, then deletes each resource the way its service requires', async () => {
    const account = destroyedAccount();
    account.objects = { [MEDIA_BUCKET]: Array.from({ length: 2600 }, (_, i) => ({ key: `video/${i % 1300}.ts`, versionId: `v${i}` })) };
    account.protectedTables = [CATALOG_TABLE];
    account.policyTargets = { [DEVICE_POLICY]: [arn('iot', 'cert/abc')] };
    account.policyOldVersions = { [DEVICE_POLICY]: ['1'] };
    account.roleAttachments = { [LOGGING_ROLE]: { managedPolicies: ['arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs'], inlinePolicies: [], instanceProfiles: [] } };
    const cloud = new FakeCloud(account, 1500);
    await runCleanup(cloud, ['--delete']);
    expect(cloud.calls).toEqual([
      'deleteSnapshot dbClusterSnapshot iotplatform-auroracluster-final',
      'deleteSnapshot docdbClusterSnapshot videoplatform-chatdb-final',
      'deleteSnapshot dbSnapshot iotplatform-oracle-final',
      `deleteSecret ${SECRET_ARN} 7`,
      `scheduleKeyDeletion ${KEY_ID} 7`,
      // 2,600 versions listed in pages of 1,500: 1,000 + 500, then 1,000 + 100, then the bucket.
      `deleteObjectVersions ${MEDIA_BUCKET} 1000`,
      `deleteObjectVersions ${MEDIA_BUCKET} 500`,
      `deleteObjectVersions ${MEDIA_BUCKET} 1000`,
      `deleteObjectVersions ${MEDIA_BUCKET} 100`,
      `deleteBucket ${MEDIA_BUCKET}`,
      `disableTableDeletionProtection ${CATALOG_TABLE}`,
      `deleteTable ${CATALOG_TABLE}`,
      `deleteQueue ${QUEUE_ARN}`,
      'deleteLogGroup /aws/rds/cluster/iotplatform-auroraclusterd4efe71c-9xyz/postgresql',
      'deleteLogGroup /aws/lambda/VideoPlatform-CatalogImportFunction-AbC',
      'deleteLogGroup VideoPlatform-ServerlessChatOnConnectLogs-AbC',
      `detachIotPolicy ${DEVICE_POLICY} ${arn('iot', 'cert/abc')}`,
      `deleteIotPolicyVersion ${DEVICE_POLICY} 1`,
      `deleteIotPolicy ${DEVICE_POLICY}`,
      `detachRolePolicy ${LOGGING_ROLE} arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs`,
      `deleteRole ${LOGGING_ROLE}`,
    ]);
  });

  test('keys and secrets already scheduled, AWS managed keys and resources already gone are not errors', async () => {
    const account = destroyedAccount();
    account.keys = { [KEY_ID]: { state: 'PendingDeletion' } };
    account.scheduledSecrets = [SECRET_ARN];
    account.gone = [MEDIA_BUCKET, 'videoplatform-chatdb-final'];
    const cloud = new FakeCloud(account);
    const plan = await planCleanup(cloud, STUDIES);
    const results = await deleteRetained(cloud, plan.resources);
    const outcome = (name: string) => results.find((r) => r.resource.name === name)?.outcome;
    expect([outcome(KEY_ID), outcome(SECRET_ARN), outcome(MEDIA_BUCKET), outcome('videoplatform-chatdb-final')]).toEqual([
      'alreadyScheduled',
      'alreadyScheduled',
      'alreadyGone',
      'alreadyGone',
    ]);
    expect(cloud.calls.filter((c) => c.includes(KEY_ID) || c.includes(SECRET_ARN) || c.includes(MEDIA_BUCKET))).toEqual([]);

    const managed = new FakeCloud({ ...destroyedAccount(), keys: { [KEY_ID]: { state: 'Enabled', managedByAws: true } } });
    const [key] = await deleteRetained(managed, (await planCleanup(managed, STUDIES)).resources.filter((r) => r.kind === 'kmsKey'));
    expect(key.outcome).toBe('skipped');
    expect(managed.calls).toEqual([]);
  });

  test('one failure does not stop the rest, and the command then fails with one line', async () => {
    const account = destroyedAccount();
    const denied = Object.assign(new Error('User is not authorized to perform: dynamodb:DeleteTable\nmore detail'), { name: 'AccessDeniedException' });
    account.failing = { [CATALOG_TABLE]: denied };
    const cloud = new FakeCloud(account);
    const command = cleanupCommand(() => cloud);
    const io = quietIo();
    const run = command.run(parseArgs(command, ['--region', 'us-east-1', '--delete']), io);
    await expect(run).rejects.toThrow(new CommandFailure('1 of 13 could not be deleted (listed above); fix the cause and run cleanup --delete again.'));
    expect(io.out()).toContain(`FAILED: DynamoDB table ${CATALOG_TABLE} (AccessDeniedException: User is not authorized to perform: dynamodb:DeleteTable)`);
    expect(cloud.calls).toContain(`deleteRole ${LOGGING_ROLE}`);
  });
});

describe('errors and the CLI', () => {
  test('the region comes from --region or the environment, never a guess', () => {
    expect(cleanupRegion('eu-west-1', {})).toBe('eu-west-1');
    expect(cleanupRegion(undefined, { AWS_DEFAULT_REGION: 'us-west-2' })).toBe('us-west-2');
    expect(() => cleanupRegion(undefined, {})).toThrow(UsageError);
    expect(() => cleanupRegion('Virginia', {})).toThrow("Invalid region 'Virginia': expected a name like us-east-1 or eu-west-1.");
  });

  test('no credentials: one line, no stack trace', async () => {
    const cloud = new FakeCloud({});
    cloud.stackResources = () => Promise.reject(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }));
    await expect(runCleanup(cloud, [])).rejects.toThrow(
      new CommandFailure('no AWS credentials found: run aws configure (or aws sso login), set AWS_PROFILE, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.'),
    );
  });

  test('wa-stages cleanup is registered: --help, and a missing region is one line with exit 2', async () => {
    const help = await cli(['cleanup', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: wa-stages cleanup [flags]');
    expect(help.stdout).toContain('Flags: --delete, --json, --region <value>, --help');
    expect((await cli(['--help'])).stdout).toMatch(/cleanup\s+what cdk destroy retains/);

    const saved = { AWS_REGION: process.env.AWS_REGION, AWS_DEFAULT_REGION: process.env.AWS_DEFAULT_REGION };
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    try {
      const run = await cli(['cleanup']);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toEqual(["No region: pass --region <region> (where the stacks were deployed; cdk.json's default is us-east-1) or set AWS_REGION."]);
      expect(run.stdout).toBe('');
    } finally {
      Object.assign(process.env, saved);
    }
  });
});
