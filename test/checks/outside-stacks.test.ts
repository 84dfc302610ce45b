import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { acknowledge, addWellArchitectedChecks, Pillar, scorecardsOf } from '../../lib';
import { quietSynth } from '../support/quiet-synth';

/**
 * Stacks that are not this project's, checked through the public entry (lib/index.ts): each flaw and
 * its fix must move the pillar the framework puts it in.
 */
const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const FLAGS = { '@aws-cdk/aws-autoscaling:generateLaunchTemplateInsteadOfLaunchConfig': true };

function scores(build: (stack: Stack) => void, options: { strict?: boolean } = {}): Record<Pillar, number | null> {
  const app = new App({ builtinCloudFormationValidation: false, context: FLAGS });
  addWellArchitectedChecks(app, { strict: options.strict, printSummary: false });
  build(new Stack(app, 'Outside', { env: { region: 'eu-west-1' } }));
  quietSynth(app);
  const [card] = scorecardsOf(app);
  return Object.fromEntries(Object.entries(card.pillars).map(([p, s]) => [p, s.score])) as Record<Pillar, number | null>;
}

const vpc = (stack: Stack) => new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });

const fleet = (stack: Stack, max: number, scaled: boolean) => {
  const group = new autoscaling.AutoScalingGroup(stack, 'Fleet', {
    vpc: vpc(stack),
    instanceType: ec2.InstanceType.of(ec2.InstanceClass.M7G, ec2.InstanceSize.LARGE),
    machineImage: ec2.MachineImage.latestAmazonLinux2023({ cpuType: ec2.AmazonLinuxCpuType.ARM_64 }),
    minCapacity: 2,
    maxCapacity: max,
  });
  if (scaled) group.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
};

const bucket = (stack: Stack, lifecycle: boolean) =>
  new s3.Bucket(stack, 'Data', {
    lifecycleRules: lifecycle ? [{ transitions: [{ storageClass: s3.StorageClass.INTELLIGENT_TIERING, transitionAfter: Duration.days(0) }] }] : [],
  });

const fn = (stack: Stack, architecture: lambda.Architecture) =>
  new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler=async()=>1'), architecture });

const database = (stack: Stack, engine: rds.IInstanceEngine, licenseModel?: rds.LicenseModel) =>
  new rds.DatabaseInstance(stack, 'Db', {
    engine,
    licenseModel,
    vpc: vpc(stack),
    instanceType: ec2.InstanceType.of(ec2.InstanceClass.M5, ec2.InstanceSize.LARGE),
    allocatedStorage: 100,
    maxAllocatedStorage: 500,
    multiAz: true,
  });

const loadBalancer = (stack: Stack, tls: boolean) => {
  const alb = new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc: vpc(stack), internetFacing: true });
  const fixed = elbv2.ListenerAction.fixedResponse(200);
  if (tls) {
    alb.addListener('Https', { port: 443, certificates: [elbv2.ListenerCertificate.fromArn('arn:aws:acm:eu-west-1:111122223333:certificate/abc')], defaultAction: fixed });
    alb.addRedirect();
  } else {
    alb.addListener('Http', { port: 80, defaultAction: fixed });
  }
};

describe('flawed and fixed variants of stacks that are not ours move the right pillar', () => {
  test.each<[string, (s: Stack) => void, (s: Stack) => void, Pillar[]]>([
    ['a fleet with no room to grow and no scaling policy', (s) => fleet(s, 2, false), (s) => fleet(s, 8, true), ['reliability', 'performanceEfficiency', 'sustainability']],
    ['a bucket that keeps everything in S3 Standard forever', (s) => bucket(s, false), (s) => bucket(s, true), ['costOptimization', 'sustainability']],
    ['a function on x86 instead of Graviton', (s) => fn(s, lambda.Architecture.X86_64), (s) => fn(s, lambda.Architecture.ARM_64), ['sustainability', 'costOptimization']],
    [
      'a licence-included Oracle database instead of PostgreSQL',
      (s) => database(s, rds.DatabaseInstanceEngine.oracleSe2({ version: rds.OracleEngineVersion.VER_19_0_0_0_2025_10_R1 }), rds.LicenseModel.LICENSE_INCLUDED),
      (s) => database(s, rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_17 })),
      ['costOptimization'],
    ],
    ['a load balancer serving plain HTTP', (s) => loadBalancer(s, false), (s) => loadBalancer(s, true), ['security']],
  ])('%s', (_name, flawed, fixed, pillars) => {
    const before = scores(flawed);
    const after = scores(fixed);
    for (const pillar of pillars) {
      expect({ pillar, up: (after[pillar] ?? 0) > (before[pillar] ?? 0) }).toEqual({ pillar, up: true });
    }
  });
});

describe('strict mode on a stack that is not ours', () => {
  const queue = (acknowledged: boolean) => (stack: Stack) => {
    const q = new sqs.Queue(stack, 'Queue', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    if (acknowledged) {
      acknowledge(
        q,
        { rule: 'AwsSolutions-SQS2', reason: 'Test: public, non-sensitive work items; encryption not needed here.' },
        { rule: 'AwsSolutions-SQS3', reason: 'Test: this queue is drained by a consumer that keeps its own failures.' },
        { rule: 'AwsSolutions-SQS4', reason: 'Test: accepted for the sake of this test case, never in a real stack.' },
      );
    }
  };

  test('fails synth on an unacknowledged error-level finding, and names it', () => {
    expect(() => scores(queue(false), { strict: true })).toThrow(/AwsSolutions::AwsSolutions-SQS2/);
  });

  test('passes once every error-level finding is acknowledged with a reason; outside strict mode it always passes', () => {
    expect(() => scores(queue(true), { strict: true })).not.toThrow();
    expect(() => scores(queue(false))).not.toThrow();
  });
});

describe('the public entry', () => {
  test('package.json points main and types at the compiled lib/index.ts', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/lib/index.js');
    expect(pkg.types).toBe('dist/lib/index.d.ts');
    expect(pkg.scripts.prepare).toBe(pkg.scripts.build);
  });

  test('once built, any CDK app requires it and synth writes <StackName>.scorecard.json', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-entry-'));
    try {
      const outDir = path.join(dir, 'dist');
      execFileSync(path.join(PROJECT_ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: PROJECT_ROOT });
      const script = `
        const { App, Stack } = require('aws-cdk-lib');
        const sqs = require('aws-cdk-lib/aws-sqs');
        const { addWellArchitectedChecks } = require(${JSON.stringify(path.join(outDir, 'lib/index.js'))});
        const app = new App({ outdir: ${JSON.stringify(path.join(dir, 'cdk.out'))}, builtinCloudFormationValidation: false });
        addWellArchitectedChecks(app, { printSummary: false });
        new sqs.Queue(new Stack(app, 'Consumer'), 'Queue');
        console.error = () => {};
        app.synth();`;
      // As an installed dependency would: the consumer's node_modules provide aws-cdk-lib and cdk-nag.
      execFileSync(process.execPath, ['-e', script], { cwd: PROJECT_ROOT, env: { ...process.env, NODE_PATH: path.join(PROJECT_ROOT, 'node_modules') } });
      const card = JSON.parse(fs.readFileSync(path.join(dir, 'cdk.out', 'Consumer.scorecard.json'), 'utf8'));
      expect(card).toMatchObject({ schemaVersion: 1, stack: 'Consumer', frameworkVersion: '2024-06-27' });
      expect(card.pillars.security.bestPracticesEvaluated).toBeGreaterThan(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
