import { CommandFailure } from '../command-failure';
import type { CleanupCloud } from '../cleanup/cloud';
import type { DeletionResult } from '../cleanup/delete';
import type { CleanupPlan } from '../cleanup/plan';
import { KIND_LABEL } from '../cleanup/retained';
import { STUDIES } from '../studies';
import { UsageError } from '../usage-error';
import type { Command } from './commands';
import { fit } from './terminal';

/** A region name as AWS spells them (`us-east-1`, `ap-southeast-2`, `us-gov-west-1`). */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** The region to clean: `--region`, else the AWS CLI's environment variables. Never a guess: this deletes. */
export function cleanupRegion(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const region = flag ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region) throw new UsageError("No region: pass --region <region> (where the stacks were deployed; cdk.json's default is us-east-1) or set AWS_REGION.");
  if (!REGION.test(region)) throw new UsageError(`Invalid region '${region}': expected a name like us-east-1 or eu-west-1.`);
  return region;
}

/** Turns an AWS error into the one line the CLI prints. */
export function awsFailure(error: unknown, region: string): CommandFailure {
  const e = error as Error;
  if (e.name === 'CredentialsProviderError' || /Could not load credentials/i.test(e.message)) {
    return new CommandFailure('no AWS credentials found: run aws configure (or aws sso login), set AWS_PROFILE, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.');
  }
  if (/^(ExpiredToken|ExpiredTokenException|InvalidClientTokenId|UnrecognizedClientException)$/.test(e.name)) {
    return new CommandFailure(`the AWS credentials were refused (${e.name}): refresh them (aws sso login) and run again.`);
  }
  return new CommandFailure(`${e.name} in ${region}: ${String(e.message).split('\n')[0]}`);
}

function formatPlan(plan: CleanupPlan, width: number): string {
  const stacks = plan.stacks.map((s) => `${s.stackName} ${s.deployed ? 'deployed (its own resources are left alone)' : 'not deployed'}`).join('; ');
  const lines = [`Left behind by this project's stacks in ${plan.region}: ${stacks}.`];
  if (plan.resources.length === 0) {
    lines.push('Nothing retained: no resource tagged wa:case-study outside a deployed stack, no final snapshot.');
  } else {
    const kindWidth = Math.max(...plan.resources.map((r) => KIND_LABEL[r.kind].length));
    lines.push('', `  ${'kind'.padEnd(kindWidth)}  study  found by  name`);
    for (const r of plan.resources) {
      lines.push(fit(`  ${KIND_LABEL[r.kind].padEnd(kindWidth)}  ${r.study.padEnd(5)}  ${r.foundBy.padEnd(8)}  ${r.name}`, width));
      if (r.note) lines.push(fit(`  ${''.padEnd(kindWidth)}  ${''.padEnd(5)}  ${''.padEnd(8)}  (${r.note})`, width));
    }
  }
  for (const u of plan.unrecognized) lines.push(fit(`  not deleted (a type the cleanup does not handle): ${u.arn}`, width));
  return lines.join('\n');
}

const OUTCOME_WORDS: Record<DeletionResult['outcome'], string> = {
  deleted: 'deleted',
  scheduled: 'scheduled for deletion',
  alreadyScheduled: 'already scheduled for deletion',
  alreadyGone: 'already gone',
  skipped: 'skipped',
  failed: 'FAILED',
};

/** The cleanup command, on the AWS account the default credential chain finds, or on another cloud (tests pass a fake). */
export function cleanupCommand(makeCloud: (region: string) => CleanupCloud = awsCloud): Command {
  return {
    name: 'cleanup',
    summary: "what cdk destroy retains for this project's stacks (tagged wa:case-study): listed, or deleted with --delete",
    usage: '',
    help:
      "Finds what `cdk destroy` and the stages' retirements leave behind in one region: resources tagged\n" +
      "wa:case-study that no deployed VideoPlatform or IotPlatform stack owns (S3 buckets, DynamoDB tables,\n" +
      'KMS keys, log groups, secrets, SQS queues, IoT policies, the API Gateway logging role), the\n' +
      "databases' final snapshots (by tag, or by the stack's name in the source identifier) and, for a\n" +
      'stack that is not deployed, the log groups named after it. A dry run by default: it lists them and\n' +
      'deletes nothing. With --delete it deletes them: buckets are emptied of every version first, KMS\n' +
      'keys and secrets are scheduled for deletion after 7 days (the minimum), snapshots are deleted.\n' +
      'Needs AWS credentials (the default chain: profile, environment, SSO).\n\n' +
      'Examples: wa-stages cleanup --region us-east-1; wa-stages cleanup --region us-east-1 --delete',
    switches: ['--delete', '--json'],
    options: ['--region'],
    maxPositionals: 0,
    async run(args, io) {
      const region = cleanupRegion(args.options.get('--region'));
      // Loaded when asked for: the other commands should not pay for the AWS SDK.
      /* eslint-disable @typescript-eslint/no-require-imports */
      const { planCleanup } = require('../cleanup/plan') as typeof import('../cleanup/plan');
      const { deleteRetained } = require('../cleanup/delete') as typeof import('../cleanup/delete');
      /* eslint-enable @typescript-eslint/no-require-imports */
      const cloud = makeCloud(region);
      const studies = STUDIES.map((s) => ({ study: s.contextKey, stackName: s.stackName }));
      let plan: CleanupPlan;
      try {
        plan = await planCleanup(cloud, studies);
      } catch (error) {
        throw awsFailure(error, region);
      }
      if (!args.switches.has('--delete')) {
        if (args.switches.has('--json')) return io.stdout(`${JSON.stringify({ schemaVersion: 1, kind: 'wa-stages/cleanup', dryRun: true, ...plan }, null, 2)}\n`);
        io.stdout(`${formatPlan(plan, io.terminal.width)}\n`);
        if (plan.resources.length) io.stdout(`\n${plan.resources.length} resource${plan.resources.length === 1 ? '' : 's'}. Dry run: nothing deleted. Run again with --delete to delete them.\n`);
        return;
      }
      if (!args.switches.has('--json')) io.stdout(`${formatPlan(plan, io.terminal.width)}\n\nDeleting ${plan.resources.length}:\n`);
      const results = await deleteRetained(cloud, plan.resources, (r) => {
        if (!args.switches.has('--json')) {
          io.stdout(fit(`  ${OUTCOME_WORDS[r.outcome]}: ${KIND_LABEL[r.resource.kind]} ${r.resource.name}${r.detail ? ` (${r.detail})` : ''}`, io.terminal.width) + '\n');
        }
      });
      if (args.switches.has('--json')) io.stdout(`${JSON.stringify({ schemaVersion: 1, kind: 'wa-stages/cleanup', dryRun: false, ...plan, results: results.map((r) => ({ ...r.resource, outcome: r.outcome, detail: r.detail })) }, null, 2)}\n`);
      const failed = results.filter((r) => r.outcome === 'failed');
      if (failed.length) throw new CommandFailure(`${failed.length} of ${results.length} could not be deleted (listed above); fix the cause and run cleanup --delete again.`);
    },
  };
}

/** The AWS SDK clients the cleanup calls: development dependencies, in a checkout after `npm ci`, not in an installed package. */
const SDK_CLIENTS = ['cloudformation', 'resource-groups-tagging-api', 's3', 'dynamodb', 'kms', 'cloudwatch-logs', 'secrets-manager', 'sqs', 'iot', 'iam', 'rds', 'docdb'];

function awsCloud(region: string): CleanupCloud {
  const missing = SDK_CLIENTS.filter((client) => {
    try {
      require.resolve(`@aws-sdk/client-${client}`);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length) {
    throw new UsageError(`'wa-stages cleanup' needs the AWS SDK clients of a checkout of the repository (git clone, then npm ci); missing: ${missing.map((c) => `@aws-sdk/client-${c}`).join(', ')}.`);
  }
  // The SDK warns on every run that releases after January 2027 need Node 22; this project pins its
  // SDK clients and supports Node 20 (package.json engines), so the warning would only bury the output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { AwsCleanupCloud } = require('../cleanup/aws-cloud') as typeof import('../cleanup/aws-cloud');
  return new AwsCleanupCloud(region);
}

/** `wa-stages cleanup`. */
export const cleanup: Command = cleanupCommand();
