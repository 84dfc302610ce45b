#!/usr/bin/env node
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../lib/app/project-root';

/**
 * `npm run test:package`: the package as an outside team gets it. Builds and packs it, installs the
 * tarball into empty projects beside the newest aws-cdk-lib and beside the oldest one the peer range
 * allows, and checks in each that: npm leaves one copy of aws-cdk-lib; `wa-stages --help` and `list`
 * run with no dev tools (and the commands that synthesize the talk's stages say in one line that they
 * need a checkout); and two small apps that are not ours (a three-tier web app and a serverless
 * API) score exactly as they do in this repository with the pinned aws-cdk-lib. Needs the npm
 * registry; exits non-zero on the first difference.
 */

const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));
const OLDEST = (pkg.peerDependencies['aws-cdk-lib'] as string).replace(/^\^/, '');
const PINNED = pkg.devDependencies['aws-cdk-lib'] as string;

/** The outside apps, in plain JavaScript as a consumer writes them; `WA_LIB` points at the library under test. */
const APP = String.raw`
const cdk = require('aws-cdk-lib');
const { addWellArchitectedChecks, scorecardsOf } = require(process.env.WA_LIB || 'well-architected-stages');
const ec2 = require('aws-cdk-lib/aws-ec2');
const autoscaling = require('aws-cdk-lib/aws-autoscaling');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');
const rds = require('aws-cdk-lib/aws-rds');
const s3 = require('aws-cdk-lib/aws-s3');
const lambda = require('aws-cdk-lib/aws-lambda');
const apigw = require('aws-cdk-lib/aws-apigateway');
const dynamodb = require('aws-cdk-lib/aws-dynamodb');
const sqs = require('aws-cdk-lib/aws-sqs');
const cloudwatch = require('aws-cdk-lib/aws-cloudwatch');

const app = new cdk.App({ outdir: process.env.OUT, builtinCloudFormationValidation: false,
  context: { '@aws-cdk/aws-autoscaling:generateLaunchTemplateInsteadOfLaunchConfig': true } });
addWellArchitectedChecks(app, { printSummary: false });
const env = { account: '111122223333', region: 'eu-west-1' };

const web = new cdk.Stack(app, 'ThreeTier', { env });
const vpc = new ec2.Vpc(web, 'Vpc', { maxAzs: 2, natGateways: 1 });
const fleet = new autoscaling.AutoScalingGroup(web, 'Web', { vpc, instanceType: new ec2.InstanceType('m5.large'),
  machineImage: ec2.MachineImage.latestAmazonLinux2023(), minCapacity: 2, maxCapacity: 2 });
const alb = new elbv2.ApplicationLoadBalancer(web, 'Lb', { vpc, internetFacing: true });
alb.addListener('Http', { port: 80 }).addTargets('Web', { port: 80, targets: [fleet] });
new rds.DatabaseInstance(web, 'Db', { engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
  vpc, instanceType: new ec2.InstanceType('m5.large'), allocatedStorage: 100, multiAz: false });
new s3.Bucket(web, 'Uploads');
new cloudwatch.Alarm(web, 'Errors', { metric: alb.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT), threshold: 1, evaluationPeriods: 1 });

const api = new cdk.Stack(app, 'Serverless', { env });
const table = new dynamodb.Table(api, 'Items', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });
const fn = new lambda.Function(api, 'Handler', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200 });') });
table.grantReadData(fn);
new apigw.LambdaRestApi(api, 'Api', { handler: fn });
new sqs.Queue(api, 'Work');

app.synth();
const scores = Object.fromEntries(scorecardsOf(app).map((card) => [card.stack,
  Object.fromEntries(Object.entries(card.pillars).map(([p, s]) => [p, { score: s.score, compliance: s.compliance, evaluated: s.coverage.evaluated }]))]));
process.stdout.write(JSON.stringify(scores));
`;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function fail(message: string): never {
  console.error(`test:package: ${message}`);
  process.exit(1);
}

/** Every installed copy of aws-cdk-lib below a project's node_modules, however deeply nested. */
function copiesOfCdkLib(dir: string): string[] {
  const found: string[] = [];
  const visit = (modules: string) => {
    if (!fs.existsSync(modules)) return;
    for (const name of fs.readdirSync(modules)) {
      const full = path.join(modules, name);
      if (name.startsWith('@')) {
        for (const scoped of fs.readdirSync(full)) visit(path.join(full, scoped, 'node_modules'));
      } else {
        if (name === 'aws-cdk-lib') found.push(full);
        visit(path.join(full, 'node_modules'));
      }
    }
  };
  visit(path.join(dir, 'node_modules'));
  return found;
}

function scoreApp(projectDir: string, env: NodeJS.ProcessEnv): unknown {
  fs.writeFileSync(path.join(projectDir, 'outside-app.js'), APP);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-outside-out-'));
  try {
    return JSON.parse(run(process.execPath, ['outside-app.js'], projectDir, { OUT: out, ...env }));
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-package-'));
try {
  console.log('building and packing...');
  run('npm', ['run', 'build', '--silent'], PROJECT_ROOT);
  const tarball = path.join(work, run('npm', ['pack', '--silent', '--pack-destination', work], PROJECT_ROOT).trim().split('\n').pop()!);

  // The reference: the same apps scored in this repository, with the pinned aws-cdk-lib.
  fs.mkdirSync(path.join(PROJECT_ROOT, 'cdk.out'), { recursive: true });
  const inRepo = fs.mkdtempSync(path.join(PROJECT_ROOT, 'cdk.out', 'package-reference-'));
  const reference = scoreApp(inRepo, { WA_LIB: path.join(PROJECT_ROOT, 'dist', 'lib', 'index.js') });
  fs.rmSync(inRepo, { recursive: true, force: true });

  const newest = run('npm', ['view', 'aws-cdk-lib', 'version'], work).trim();
  for (const version of [newest, OLDEST]) {
    const project = path.join(work, `app-${version}`);
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: `outside-${version.replace(/\./g, '-')}`, private: true }));
    console.log(`installing the package beside aws-cdk-lib ${version}...`);
    run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball, `aws-cdk-lib@${version}`, 'constructs@^10.5.1', 'cdk-nag@^3.0.2'], project);

    const copies = copiesOfCdkLib(project);
    if (copies.length !== 1) fail(`aws-cdk-lib ${version}: ${copies.length} copies installed (${copies.map((c) => path.relative(project, c)).join(', ')}); expected one`);

    const help = run(path.join(project, 'node_modules', '.bin', 'wa-stages'), ['--help'], project);
    if (!help.includes('Usage: wa-stages')) fail(`aws-cdk-lib ${version}: 'wa-stages --help' printed no usage`);
    const list = run(path.join(project, 'node_modules', '.bin', 'wa-stages'), ['list'], project);
    if (!list.includes('VideoPlatform') || !list.includes('IotPlatform')) fail(`aws-cdk-lib ${version}: 'wa-stages list' did not list both studies`);

    try {
      run(path.join(project, 'node_modules', '.bin', 'wa-stages'), ['show', 'video', '1'], project);
      fail(`aws-cdk-lib ${version}: 'wa-stages show' ran from the installed package, which does not ship the stages' build dependencies`);
    } catch (error) {
      const stderr = String((error as { stderr?: string }).stderr ?? '');
      if ((error as { status?: number }).status !== 2 || stderr.trim().split('\n').length !== 1 || !stderr.includes('checkout of the repository')) {
        fail(`aws-cdk-lib ${version}: 'wa-stages show' from the installed package should stop with one line and exit 2, got ${(error as { status?: number }).status}: ${stderr}`);
      }
    }

    const scores = scoreApp(project, {});
    if (JSON.stringify(scores) !== JSON.stringify(reference)) {
      fail(`aws-cdk-lib ${version}: the outside apps score differently than with the pinned ${PINNED}:\n  here:   ${JSON.stringify(scores)}\n  pinned: ${JSON.stringify(reference)}`);
    }
    console.log(`aws-cdk-lib ${version}: one copy of aws-cdk-lib; wa-stages --help and list run; the outside apps score as with ${PINNED}`);
  }
  console.log(`test:package: passed (newest ${newest}, oldest supported ${OLDEST}, pinned ${PINNED})`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
