import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import '@microsoft/jest-sarif';
import { PROJECT_ROOT } from '../../lib/app/make-app';
import { costDelta, dollars, formatCostChange, stageCost } from '../../lib/cost';
import { stdoutTerminal } from '../../lib/workshop/cli/terminal';
import { IOT_PLATFORM } from '../../stages/iot/registry';
import { VIDEO_PLATFORM } from '../../stages/video/registry';
import { cli, sharedStore } from './cli-io';

const schema = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'wa-stages.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** Parses a --json output and checks it against the documented schema. */
function documented(stdout: string, kind: string): any {
  const parsed = JSON.parse(stdout);
  expect(parsed.kind).toBe(`wa-stages/${kind}`);
  const valid = validate(parsed);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  return parsed;
}

/** The widest line, links aside: a link too long for the width stands whole on its own line, never cut. */
const widest = (text: string) => Math.max(...text.split('\n').filter((l) => !/^\s*https:\/\/\S+$/.test(l)).map((l) => l.length));

describe('wa-stages called wrongly: one line naming the valid choices, exit 2, nothing written', () => {
  test.each([
    [['diff', 'vid', '1', '2'], 'Valid studies: video, iot.'],
    [['diff', 'video', '1', '9'], 'Valid stages: 1 (monolith), 2 (split-pools), 3 (cloudfront), 4 (serverless-chat), 5 (ivs).'],
    [['diff', 'video', '3', '3'], "'from' and 'to' are both stage 3"],
    [['diff', 'video', '1', '2', '--colour'], "Unknown flag '--colour' for 'diff'. Valid flags: --json, --brief, --resources, --baseline, --talk, -c <key=value>, --help."],
    [['show', 'video', '1', '-c', 'certificateArm=x'], "Unknown context key 'certificateArm' in -c. Valid keys: region, availabilityZones, certificateArn,"],
    [['diff', 'video', '1', '2', '-c', 'nokey'], '-c takes key=value'],
    [['score', 'video', '-c', 'video=2'], "the stage is the command's argument"],
    [['show', 'video', '4', '-c', 'certificateArn=arn:aws:acm:us-east-1:111122223333:certificate/1c9a52a7-0000-4e4b-9d8c-2f6c8a3b7e10'], "-c: Context 'certificateArn' is used by video 1-3 only"],
    [['diff', 'video', '1', '2', '--brief', '--resources'], 'Pick one detail'],
    [['show', 'iot', 'x'], 'Valid stages: 1 (forklift)'],
    [['show', 'iot'], "Unknown iot stage ''"],
    [['score', 'video', '--json', '--sarif'], 'Pick one output'],
    [['report', '--out'], 'needs a value'],
    [['deploy'], 'Valid commands: list, show, diff, score, report, coverage, cost, cleanup.'],
    [['list', 'extra'], "Too many arguments for 'list'"],
  ])('%j', async (argv, message) => {
    const run = await cli(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(message);
  });
});

describe('help', () => {
  test('wa-stages --help lists every command', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['list', 'show', 'diff', 'score', 'report']) expect(run.stdout).toContain(`  ${command}`);
  });

  test.each(['list', 'show', 'diff', 'score', 'report'])('%s --help shows usage, flags and an example', async (command) => {
    const run = await cli([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: wa-stages ${command}`));
    expect(run.stdout).toContain('Flags:');
    expect(run.stdout).toContain('Example');
  });
});

describe('list', () => {
  test('names both studies and all their stages', async () => {
    const text = await cli(['list']);
    expect(text.stdout).toContain('video: Video streaming platform (stack VideoPlatform');
    expect(text.stdout).toContain('5 serverless');
    const json = documented((await cli(['list', '--json'])).stdout, 'list');
    expect(json.studies.map((s: any) => [s.study, s.stages.length])).toEqual([['video', 5], ['iot', 5]]);
  });
});

describe('show', () => {
  test('prints the story, adds, resources by service, scorecard and commands within the width', async () => {
    const run = await cli(['show', 'video', '1'], 90);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('A proof of concept that slid into production');
    expect(run.stdout).toMatch(/Resources \(\d+\) by service/);
    expect(run.stdout).toContain('npx cdk deploy VideoPlatform -c video=1');
    // The score with its compliance and coverage, and the rule that could not decide.
    const { undecided } = sharedStore.get(VIDEO_PLATFORM, 1).scorecard;
    expect(run.stdout).toMatch(new RegExp(`\\n  score(\\s+\\d+\\??){6}\\s+\\d+ open\\n\\s+compliance(\\s+\\d+%){6}\\s+\\d+ accepted\\n\\s+evaluated/framework(\\s+\\d+/\\d+){6}\\s+${undecided.length} undecided\\n`));
    // Each is named with its resource; a line past the width is cut, so only its start is certain.
    // Named by construct path as the stage's code names it (no CDK hashed ids), as --json has them.
    const shown = JSON.parse((await cli(['show', 'video', '1', '--json'])).stdout).scorecard.undecided;
    expect(shown).toHaveLength(undecided.length);
    for (const u of shown) expect(run.stdout).toContain(`? ${u.rule} on ${u.resource} could not decide`.slice(0, 80));
    for (const u of shown) expect(u.resource).not.toMatch(/[A-Za-z][0-9A-F]{8}\b|[0-9a-f]{32}/);
    expect(widest(run.stdout)).toBeLessThanOrEqual(90);
  });

  test('--json follows the documented schema', async () => {
    const json = documented((await cli(['show', 'video', '1', '--json'])).stdout, 'show');
    expect(json.scorecard.deployment).toBe('workshop');
    expect(json.resources.byService.some((s: any) => s.service === 'DocumentDB')).toBe(true);
  });
});

describe('cost beside the pillars (issue 16 R4)', () => {
  test('show prints the monthly bill under the workshop load and its five largest lines; --json carries it', async () => {
    const estimate = stageCost(sharedStore.get(IOT_PLATFORM, 1), 'workshop');
    const run = await cli(['show', 'iot', '1'], 90);
    expect(run.stdout).toContain(`Cost: ${dollars(estimate.total)} a month (workshop load, us-east-1 on-demand list prices)`);
    const lines = run.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Cost: '));
    // Before the scorecard, the five largest lines, largest first, each naming its resource.
    expect(at).toBeLessThan(lines.findIndex((l) => l.startsWith('Scorecard of the workshop deployment')));
    const top = estimate.lines.slice(0, 5);
    expect(lines.slice(at + 1, at + 6).map((l) => l.trim().split(/\s+/)[0])).toEqual(top.map((l) => dollars(l.amount)));
    expect(lines[at + 1]).toContain('Oracle/Instance');
    expect(widest(run.stdout)).toBeLessThanOrEqual(90);
    const json = documented((await cli(['show', 'iot', '1', '--json'])).stdout, 'show');
    expect(json.cost).toMatchObject({ load: 'workshop', region: 'us-east-1', lineCount: estimate.lines.length });
    expect(json.cost.total).toBeCloseTo(estimate.total, 6);
    expect(json.cost.topLines.map((l: any) => [l.logicalId, l.amount])).toEqual(top.map((l) => [l.logicalId, l.amount]));
    expect(json.cost.topLines[0].path).toBe('Oracle/Instance');
  });

  test('diff prints the change in dollars under the pillar table and the three resources that move it most; --json carries it', async () => {
    const delta = costDelta(stageCost(sharedStore.get(IOT_PLATFORM, 1), 'workshop'), stageCost(sharedStore.get(IOT_PLATFORM, 2), 'workshop'));
    expect(delta.change).toBeLessThan(0); // Aurora's instances cost less than the licensed Oracle one
    const run = await cli(['diff', 'iot', '1', '2'], 100);
    const lines = run.stdout.split('\n');
    const at = lines.indexOf(`  Cost: ${formatCostChange(delta)}`);
    expect(at).toBeGreaterThan(lines.findIndex((l) => l.startsWith('  evaluated   stage 1')));
    expect(at).toBeLessThan(lines.findIndex((l) => l.startsWith('Data safety:')));
    expect(lines[at + 1]).toMatch(new RegExp(`^\\s+-${dollars(-delta.resources[0].change).replace(/[$.]/g, '\\$&')}  Oracle/Instance\\s+DBInstance \\(gone\\)$`));
    expect(lines.slice(at + 1, at + 4).every((l) => /^\s+[-+]\$/.test(l))).toBe(true);
    expect(widest(run.stdout)).toBeLessThanOrEqual(100);
    const json = documented((await cli(['diff', 'iot', '1', '2', '--json'])).stdout, 'diff');
    expect(json.cost.load).toBe('workshop');
    expect(json.cost.change).toBeCloseTo(delta.change, 6);
    expect(json.cost.change).toBeCloseTo(json.cost.after - json.cost.before, 6);
    expect(json.cost.resources[0]).toMatchObject({ logicalId: delta.resources[0].logicalId, after: 0 });
  });
});

describe('what the template answers and what is left for the team (issue 14 R4)', () => {
  test('show: one line per pillar with the counts; --review lists every practice for review with its link, within the width', async () => {
    const view = (await cli(['show', 'iot', '4', '--json'])).stdout;
    const answers = documented(view, 'show').scorecard.templateAnswers;
    expect(answers).toHaveLength(6);
    const short = await cli(['show', 'iot', '4'], 90);
    for (const [label, a] of ['OPS', 'SEC', 'REL', 'PERF', 'COST', 'SUS'].map((l, i) => [l, answers[i]] as const)) {
      expect(short.stdout).toContain(`  ${label.padEnd(5)} template answers ${String(a.evaluated).padStart(2)} of ${a.framework}; for the team to review: ${a.forReview.length} practices\n`);
    }
    expect(short.stdout).not.toContain(answers[0].forReview[0].title);
    const full = await cli(['show', 'iot', '4', '--review'], 90);
    expect(full.code).toBe(0);
    const base = 'https://docs.aws.amazon.com/wellarchitected/2024-06-27/framework/';
    expect(full.stdout).toContain(`  Links: ${base}<page>`);
    for (const bp of answers.flatMap((a: any) => a.forReview)) {
      expect(full.stdout).toContain(`      ${bp.id.padEnd(11)} ${bp.title}`.slice(0, 89));
      expect(full.stdout).toContain(`                  ${bp.url.slice(base.length)}\n`);
    }
    expect(widest(full.stdout)).toBeLessThanOrEqual(90);
  });
});

describe('diff', () => {
  test('forward: the story of the step, services, scorecard and data safety, every line within the width', async () => {
    const run = await cli(['diff', 'video', '3', '4'], 80);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Stage 4: Serverless WebSocket chat');
    expect(run.stdout).toContain('API Gateway');
    expect(run.stdout).toMatch(/IAM: permissions broadened: (yes|no), \d+ grant\(s\) added/);
    expect(run.stdout).toContain('Data safety: every stateful resource that leaves keeps its data');
    expect(run.stdout).toContain('ChatDatabase/Cluster (DBCluster');
    // Score, compliance and coverage before and after.
    expect(run.stdout).toMatch(/\n  score\s+stage 3(\s+\d+\??){6}\n\s+stage 4(\s+\d+\??){6}\n\s+change(\s+[-+]?\d+){6}\n/);
    expect(run.stdout).toMatch(/\n  compliance\s+stage 3(\s+\d+%){6}\n/);
    expect(run.stdout).toMatch(/\n  evaluated\s+stage 3(\s+\d+\/\d+){6}\n/);
    expect(widest(run.stdout)).toBeLessThanOrEqual(80);
  });

  test('--json: DocumentDB leaves with a final snapshot, no tag-only changes listed, the documented schema', async () => {
    const json = documented((await cli(['diff', 'video', '3', '4', '--json'])).stdout, 'diff');
    expect(json.direction).toBe('forward');
    expect(json.dataSafety.verdict).toBe('retained');
    const cluster = json.dataSafety.items.find((i: any) => i.type === 'AWS::DocDB::DBCluster');
    expect(cluster).toMatchObject({ change: 'removed', fate: 'snapshot', announced: true });
    const changed = json.services.flatMap((s: any) => s.changed);
    expect(changed.filter((c: any) => c.properties.some((p: string) => /^Tags$/.test(p)))).toEqual([]);
    // Stage changes are quiet (no stage tag on every resource): nothing is left that only noise changed.
    // Folding noise away is tested on its own in stage-diff.test.ts.
    expect(json.summary.noiseOnly).toBe(0);
    // Chat moves from a self-run pool to API Gateway and Lambda: managed services (SUS05-BP03) and no idle instances.
    expect(json.scorecard.pillars.find((p: any) => p.pillar === 'sustainability').delta).toBeGreaterThan(0);
    const reliability = json.scorecard.pillars.find((p: any) => p.pillar === 'reliability');
    expect(reliability.compliance.delta).toBe(reliability.compliance.after - reliability.compliance.before);
    expect(reliability.coverage.before.framework).toBe(67);
    const security = (stage: number) => sharedStore.get(VIDEO_PLATFORM, stage).scorecard.pillars.security.undecided;
    expect(json.scorecard.pillars.find((p: any) => p.pillar === 'security').undecided).toEqual({ before: security(3), after: security(4) });
  });

  test('issue 17 fields follow the documented schema: show --talk, diff and score with -c', async () => {
    const show = documented((await cli(['show', 'video', '1', '--talk', '--json'])).stdout, 'show');
    expect(show.talk.deployment).toBe('talk');
    const diff = documented((await cli(['diff', 'video', '1', '2', '-c', 'alertEmail=ops@example.com', '--json'])).stdout, 'diff');
    expect(diff.deployment).toEqual({ variant: 'workshop', context: { alertEmail: 'ops@example.com' } });
    expect(typeof diff.iam.narrowed).toBe('boolean');
    const score = documented((await cli(['score', 'video', '2', '-c', 'alertEmail=ops@example.com', '--json'])).stdout, 'score');
    expect(score.context).toEqual({ alertEmail: 'ops@example.com' });
  });

  test('backward: undoes the stages in between, in reverse order', async () => {
    const json = documented((await cli(['diff', 'video', '4', '2', '--json'])).stdout, 'diff');
    expect(json.direction).toBe('backward');
    expect(json.story.map((s: any) => s.stage)).toEqual([4, 3]);
    expect(json.summary.added).toBeGreaterThan(0);
  });
});

describe('score', () => {
  test('a table of one study', async () => {
    const run = await cli(['score', 'video']);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^stage\s+OPS\s+SEC\s+REL\s+PERF\s+COST\s+SUS\s+findings$/);
    // Every score stands with its compliance and its coverage; a rule that threw is listed, not dropped.
    const first = lines.findIndex((l) => l.startsWith('video 1 monolith'));
    expect(lines[first + 1]).toMatch(/^\s+compliance(\s+(\d+%|-)){6}\s+\d+ accepted$/);
    expect(lines[first + 2]).toMatch(/^\s+evaluated\/framework(\s+\d+\/\d+){6}\s+\d+ undecided$/);
    expect(lines.find((l) => l.startsWith('packs can evaluate'))).toMatch(/(\s+\d+\/\d+){6}$/);
    for (const u of sharedStore.get(VIDEO_PLATFORM, 1).scorecard.undecided) {
      expect(run.stdout).toContain(`undecided in video 1 monolith: ${u.rule} on ${u.resource.replace(/^VideoPlatform\//, '')}`.slice(0, 95));
    }
    expect(widest(run.stdout)).toBeLessThanOrEqual(100);
    expect(run.stdout).toContain('video 5 ivs');
  });

  test('--json follows the documented schema', async () => {
    const json = documented((await cli(['score', 'video', '1', '--json'])).stdout, 'score');
    expect(json.stages).toHaveLength(1);
    // The same counts as the scorecard's findings, which npm run check prints (issue 17: they differed).
    const card = sharedStore.get(VIDEO_PLATFORM, 1).scorecard;
    expect(json.stages[0]).toMatchObject({ open: card.findings.open, accepted: card.findings.accepted, undecided: card.undecided.length });
  });

  test('--sarif is valid SARIF 2.1.0, with best-practice help links and source locations', async () => {
    const log = JSON.parse((await cli(['score', 'video', '1', '--sarif'])).stdout);
    expect(log).toBeValidSarifLog();
    const run = log.runs[0];
    expect(run.results.length).toBeGreaterThan(0);
    for (const rule of run.tool.driver.rules) expect(rule.helpUri).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/wellarchitected\//);
    const located = run.results.filter((r: any) => r.locations[0].physicalLocation);
    expect(located.length).toBe(run.results.length);
    for (const r of located) {
      const { artifactLocation, region } = r.locations[0].physicalLocation;
      const lines = fs.readFileSync(path.join(PROJECT_ROOT, artifactLocation.uri), 'utf8').split('\n');
      expect(region.startLine).toBeLessThanOrEqual(lines.length);
    }
    // Acknowledged findings are results with an accepted suppression and its reason.
    expect(run.results.some((r: any) => r.suppressions?.[0]?.status === 'accepted' && r.suppressions[0].justification.length > 10)).toBe(true);
  });
});

describe('terminal', () => {
  const stream = (isTTY: boolean, columns?: number) => ({ isTTY, columns }) as NodeJS.WriteStream;

  test('colour and the terminal width only on a TTY, never with NO_COLOR', () => {
    expect(stdoutTerminal(stream(true, 120))).toEqual({ width: 120, colour: process.env.NO_COLOR === undefined });
    expect(stdoutTerminal(stream(false)).colour).toBe(false);
    process.env.NO_COLOR = '1';
    try {
      expect(stdoutTerminal(stream(true, 120)).colour).toBe(false);
    } finally {
      delete process.env.NO_COLOR;
    }
  });
});

describe('the wa-stages bin', () => {
  test('prints plain text into a pipe', () => {
    const bin = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')).bin['wa-stages'];
    const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, bin), 'list'], { encoding: 'utf8', cwd: PROJECT_ROOT });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('iot: IoT telemetry platform');
    expect(result.stdout).not.toContain('\u001b[');
  });

  test('runs from package.json bin and exits 2 on a bad stage', () => {
    const bin = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')).bin['wa-stages'];
    const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, bin), 'diff', 'iot', '0', '2'], { encoding: 'utf8', cwd: PROJECT_ROOT });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe("Unknown iot stage '0'. Valid stages: 1 (forklift), 2 (aurora), 3 (tiering), 4 (dynamodb), 5 (serverless).");
  });
});
