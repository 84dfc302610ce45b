import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT, WORKSPACE_ROOT } from '../../app/project-root';
import { resolveStage, resolveStudy, STUDIES } from '../studies';
import type { BaselineProvider } from '../synth/baseline';
import type { StageStore } from '../synth/stage-store';
import { deploymentLabel } from '../synth/deployment';
import type { DeploymentVariant, StageSnapshot } from '../synth/stage-snapshot';
import { UsageError } from '../usage-error';
import { CommandSpec, ParsedArgs } from './args';
import { cleanup } from './cleanup-command';
import { coverage } from './coverage-command';
import { CONTEXT_FLAG, DEPLOYMENT_HELP, deploymentFrom, snapshotOf, TALK_SWITCH } from './deployment-flags';
import { fit, Terminal } from './terminal';

/*
 * What the commands run is loaded when they run, not when the CLI starts: synthesizing, diffing and
 * reporting load aws-cdk-lib (half a second), which `--help` and `list` never need.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const load = {
  diff: () => ({ ...(require('../diff/diff-cache') as typeof import('../diff/diff-cache')), ...(require('../diff/format-diff') as typeof import('../diff/format-diff')) }),
  show: () => ({
    ...(require('../show/stage-view') as typeof import('../show/stage-view')),
    ...(require('../show/format-stage') as typeof import('../show/format-stage')),
    ...(require('../show/talk-claim-view') as typeof import('../show/talk-claim-view')),
    ...(require('../synth/deployment') as typeof import('../synth/deployment')),
  }),
  score: () => ({ ...(require('../score/score-view') as typeof import('../score/score-view')), ...(require('../score/sarif') as typeof import('../score/sarif')) }),
  report: () => require('../report/write-report') as typeof import('../report/write-report'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * Commands that synthesize the talk's stages need the stages' own build dependencies (the runtime
 * bundles, the Parquet and diff libraries), which a checkout of the repository has after `npm ci`
 * and an installed copy of the package, which ships the Well-Architected pack, does not.
 */
function needsStages(command: string): void {
  try {
    require.resolve('hyparquet');
    require.resolve('@aws-cdk/cloudformation-diff');
  } catch {
    throw new UsageError(
      `'wa-stages ${command}' synthesizes the talk's stages, which needs a checkout of the repository (git clone, then npm ci); installed as a package, wa-stages runs: list, --help.`,
    );
  }
}

/** Where a command writes, so tests can run it in process. */
export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly terminal: Terminal;
  readonly store: StageStore;
  /**
   * The stage as committed, for `diff --baseline`.
   * @default - git HEAD of the project (lib/workshop/synth/baseline.ts)
   */
  readonly baseline?: BaselineProvider;
}

/** A command: its spec and what it does. */
export interface Command extends CommandSpec {
  run(args: ParsedArgs, io: CommandIo): Promise<void> | void;
}

/** Version of the JSON outputs; a breaking change to any of them bumps it (docs/wa-stages.md). */
export const JSON_SCHEMA_VERSION = 1;

const json = (kind: string, body: object) => `${JSON.stringify({ schemaVersion: JSON_SCHEMA_VERSION, kind: `wa-stages/${kind}`, ...body }, null, 2)}\n`;

function packageVersion(): string {
  return JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')).version;
}

const list: Command = {
  name: 'list',
  summary: 'both case studies and their stages',
  usage: '',
  help: 'Prints each case study (its stack and context key) and the title of every stage.\n\nExample: wa-stages list --json',
  switches: ['--json'],
  options: [],
  maxPositionals: 0,
  run(args, io) {
    const studies = STUDIES.map((s) => ({
      study: s.contextKey,
      stackName: s.stackName,
      title: s.title,
      stages: s.stages.map((st) => ({ stage: st.id, slug: st.slug, title: st.title })),
    }));
    if (args.switches.has('--json')) return io.stdout(json('list', { studies }));
    const lines = studies.flatMap((s) => [
      `${s.study}: ${s.title} (stack ${s.stackName}, -c ${s.study}=<stage>)`,
      ...s.stages.map((st) => fit(`  ${st.stage} ${st.slug.padEnd(16)} ${st.title}`, io.terminal.width)),
    ]);
    io.stdout(`${lines.join('\n')}\n`);
  },
};

const show: Command = {
  name: 'show',
  summary: 'one stage: its story, what it adds and retires, its resources by service, its scorecard',
  usage: '<study> <stage>',
  help:
    'Synthesizes the stage (or reads it from the cache) and prints why it exists, what it adds and\nretires, its resources by service, its monthly cost, its Well-Architected scorecard, and per pillar\nhow many best practices the template answers and how many only a review of people and process can\n(--review lists those, each with its link; --json always has them). Where the talk gives a framework\nview of the stage, its words are shown with the talk deployment\'s scores they were checked on.\n' +
    `${DEPLOYMENT_HELP}\n\nExamples: wa-stages show video 3 --review; wa-stages show video 1 --talk; wa-stages show video 2 -c alertEmail=ops@example.com`,
  switches: ['--json', '--review', TALK_SWITCH],
  options: [],
  repeatable: [CONTEXT_FLAG],
  maxPositionals: 2,
  run(args, io) {
    const study = resolveStudy(args.positionals[0]);
    const stage = resolveStage(study, args.positionals[1]);
    const deployment = deploymentFrom(args);
    needsStages('show');
    const { stageView, formatStageView, talkClaimView, pillarScores, TALK_DEPLOYMENT } = load.show();
    const talk = talkClaimView(study, stage.id, (s) => pillarScores(snapshotOf(io.store, study, s, TALK_DEPLOYMENT).scorecard));
    const view = stageView(study, snapshotOf(io.store, study, stage.id, deployment), talk);
    io.stdout(args.switches.has('--json') ? json('show', view) : `${formatStageView(view, io.terminal, { review: args.switches.has('--review') })}\n`);
  },
};

const diff: Command = {
  name: 'diff',
  summary: 'what moving a stack between two stages changes, why, and what it does to each pillar and to the data',
  usage: '<study> <from> <to> | <study> <stage> --baseline',
  help:
    'Any two stages, forward or backward, the lesson first: the story of the step; the scorecard change\nper pillar with its coverage and the best practices that flipped; a data-safety verdict for every\nstateful resource removed, replaced or brought back; then resources counted by service (tag and\nasset-hash noise folded away), permissions and network. --resources names every resource, IAM\nstatement and security-group rule by construct path; --brief fits one projector screen (40 lines).\n--baseline compares one stage as edited in the working copy with the stage as committed at git HEAD.\n' +
    `${DEPLOYMENT_HELP}\n\nExamples: wa-stages diff video 3 4; wa-stages diff iot 4 5 --brief; wa-stages diff video 1 2 --talk --resources; wa-stages diff video 2 --baseline`,
  switches: ['--json', '--brief', '--resources', '--baseline', TALK_SWITCH],
  options: [],
  repeatable: [CONTEXT_FLAG],
  maxPositionals: 3,
  run(args, io) {
    const study = resolveStudy(args.positionals[0]);
    if (args.switches.has('--baseline')) return diffBaseline(args, io);
    const from = resolveStage(study, args.positionals[1]);
    const to = resolveStage(study, args.positionals[2]);
    if (from.id === to.id) {
      throw new UsageError(`'from' and 'to' are both stage ${from.id}; pick two different stages of ${study.contextKey}: ${study.stages.map((s) => s.id).join(', ')}.`);
    }
    if (args.switches.has('--brief') && args.switches.has('--resources')) throw new UsageError("Pick one detail of 'diff': --brief or --resources.");
    const deployment = deploymentFrom(args);
    needsStages('diff');
    const { cachedStageDiff, formatStageDiff } = load.diff();
    const result = cachedStageDiff(io.store, study, snapshotOf(io.store, study, from.id, deployment), snapshotOf(io.store, study, to.id, deployment));
    if (args.switches.has('--json')) return io.stdout(json('diff', result));
    const fullCommand = `wa-stages ${['diff', ...args.positionals, ...[...args.switches].filter((s) => s !== '--brief')].join(' ')}`;
    io.stdout(`${formatStageDiff(result, io.terminal, { brief: args.switches.has('--brief'), resources: args.switches.has('--resources'), fullCommand })}\n`);
  },
};

/** `diff <study> <stage> --baseline`: the stage as committed against the working copy's, story omitted. */
function diffBaseline(args: ParsedArgs, io: CommandIo): void {
  const study = resolveStudy(args.positionals[0]);
  if (args.positionals.length !== 2) {
    throw new UsageError(`--baseline takes one stage: wa-stages diff ${study.contextKey} <stage> --baseline, with a stage of ${study.stages.map((s) => s.id).join(', ')}.`);
  }
  const stage = resolveStage(study, args.positionals[1]);
  if (args.switches.has('--brief') && args.switches.has('--resources')) throw new UsageError("Pick one detail of 'diff': --brief or --resources.");
  const deployment = deploymentFrom(args);
  needsStages('diff');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const baseline = io.baseline ?? (require('../synth/baseline') as typeof import('../synth/baseline')).gitBaseline();
  const committed = baseline(study, stage.id, deployment);
  const edited = snapshotOf(io.store, study, stage.id, deployment);
  const { cachedStageDiff, formatStageDiff } = load.diff();
  const result = cachedStageDiff(io.store, study, committed, edited);
  if (args.switches.has('--json')) return io.stdout(json('diff', { ...result, baseline: 'HEAD' }));
  const title = `${study.stackName}: ${study.contextKey} ${stage.id} ${stage.slug}, as committed (HEAD) -> as in the working copy (${deploymentLabel(deployment)})`;
  io.stdout(`${formatStageDiff(result, io.terminal, { brief: args.switches.has('--brief'), resources: args.switches.has('--resources'), story: false, title, sides: { before: 'HEAD', after: 'edited' } })}\n`);
}

const score: Command = {
  name: 'score',
  summary: 'Well-Architected scorecards as a table, JSON or SARIF 2.1.0',
  usage: '[<study> [<stage>]]',
  help:
    "Scorecards of every stage, a study's stages, or one stage, under the workshop deployment (cdk.json's\ndefaults) or, with --talk, the deployment the talk describes. --sarif prints SARIF 2.1.0 for\ncode-scanning tools: rules link to their best-practice pages, results sit at the source line that\ncreated the construct. -c key=value (repeatable) adds context on top, as cdk synth takes it.\n\nExamples: wa-stages score; wa-stages score iot --json; wa-stages score video 1 --sarif > video-1.sarif",
  switches: ['--json', '--sarif', TALK_SWITCH],
  options: [],
  repeatable: [CONTEXT_FLAG],
  maxPositionals: 2,
  run(args, io) {
    if (args.switches.has('--json') && args.switches.has('--sarif')) {
      throw new UsageError("Pick one output of 'score': --json or --sarif.");
    }
    needsStages('score');
    const studies = args.positionals[0] === undefined ? STUDIES : [resolveStudy(args.positionals[0])];
    const only = args.positionals[1] === undefined ? undefined : resolveStage(studies[0], args.positionals[1]).id;
    const deployment = deploymentFrom(args);
    const variant: DeploymentVariant = deployment.variant;
    const snapshots: StageSnapshot[] = studies.flatMap((s) =>
      s.stages.filter((st) => only === undefined || st.id === only).map((st) => snapshotOf(io.store, s, st.id, deployment)),
    );
    const { toSarif, scoreRow, formatScoreTable } = load.score();
    if (args.switches.has('--sarif')) return io.stdout(`${JSON.stringify(toSarif(snapshots, packageVersion()), null, 2)}\n`);
    const rows = snapshots.map(scoreRow);
    const added = Object.keys(deployment.context).length > 0 ? { context: deployment.context } : {};
    if (args.switches.has('--json')) return io.stdout(json('score', { deployment: variant, ...added, stages: rows }));
    io.stdout(`${formatScoreTable(rows, snapshots)}\n(0-100 per pillar; ${deploymentLabel(deployment)}; open = findings neither fixed nor acknowledged)\n`);
  },
};

const report: Command = {
  name: 'report',
  summary: 'a static site: an index of both studies and a page per stage, viewable offline',
  usage: '',
  help:
    'Writes index.html and a page per stage (story, architecture diagram, pillar chart with the talk\'s\nclaims, scorecard, diff from the previous stage, deploy and destroy commands). Open index.html\nfrom the file system; it needs no server and no network.\n\nExample: wa-stages report --out report',
  switches: [],
  options: ['--out'],
  maxPositionals: 0,
  async run(args, io) {
    needsStages('report');
    const out = path.resolve(args.options.get('--out') ?? path.join(WORKSPACE_ROOT, 'report'));
    const pages = await load.report().writeReport(out, io.store, (message) => io.stderr(`${message}\n`));
    io.stdout(`Report: ${pages} pages in ${path.relative(process.cwd(), out) || '.'}/ (open ${path.join(path.relative(process.cwd(), out) || '.', 'index.html')})\n`);
  },
};

const cost: Command = {
  name: 'cost',
  summary: 'an estimated monthly bill in USD per stage, per line, under a load profile',
  usage: '[<study> [<stage>]]',
  help:
    "Prices the synthesized template of every stage, a study's stages, or one stage, with pinned\non-demand list prices (lib/cost/prices/) and a load profile (lib/cost/profiles/): workshop (a deploy\nnobody uses: the idle floor) or talk (the talk's figures, on the deployment the talk describes).\nOne stage prints every line; several print their totals. Unpriced resources are listed, never free.\n\nExamples: wa-stages cost; wa-stages cost iot 1 --load talk; wa-stages cost video --json",
  switches: ['--json'],
  options: ['--load'],
  maxPositionals: 2,
  run(args, io) {
    // Loaded when asked for: the other commands should not pay for the price book and the pricers.
    const { formatEstimate, formatTotals, LOAD_NAMES, LOAD_PROFILES, stageCost } = require('../../cost') as typeof import('../../cost');
    const loadName = args.options.get('--load') ?? 'workshop';
    const profile = Object.hasOwn(LOAD_PROFILES, loadName) ? LOAD_PROFILES[loadName] : undefined;
    if (!profile) throw new UsageError(`Unknown load '${loadName}'. Valid loads: ${LOAD_NAMES.join(', ')}.`);
    const studies = args.positionals[0] === undefined ? STUDIES : [resolveStudy(args.positionals[0])];
    const only = args.positionals[1] === undefined ? undefined : resolveStage(studies[0], args.positionals[1]).id;
    needsStages('cost');
    const priced = studies.flatMap((s) =>
      s.stages.filter((st) => only === undefined || st.id === only).map((st) => {
        const snapshot = io.store.get(s, st.id, profile.deployment);
        return { title: `${s.contextKey} ${st.id} ${st.slug}`, snapshot, estimate: stageCost(snapshot, profile) };
      }),
    );
    if (args.switches.has('--json')) {
      const stages = priced.map(({ snapshot, estimate }) => ({ study: snapshot.study, stage: snapshot.stage, slug: snapshot.slug, deployment: snapshot.variant, ...estimate }));
      return io.stdout(json('cost', { load: { name: profile.name, title: profile.title, deployment: profile.deployment }, stages }));
    }
    if (priced.length === 1) return io.stdout(`${formatEstimate(priced[0].title, priced[0].estimate, io.terminal.width)}\n`);
    io.stdout(`${formatTotals(priced, io.terminal.width)}\n(USD a month, ${profile.name} load: ${profile.title}; us-east-1 on-demand list prices; one stage prints its lines)\n`);
  },
};

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [list, show, diff, score, report, coverage, cost, cleanup];
