import { iamSummary, IamChange, stageDiff } from '../../lib/workshop/diff/stage-diff';
import { readableNames } from '../../lib/workshop/diff/readable-names';
import { IOT_PLATFORM } from '../../stages/iot/registry';
import { VIDEO_PLATFORM } from '../../stages/video/registry';
import { cli, sharedStore } from './cli-io';

/** Every adjacent pair of stages of both studies, forward. */
const PAIRS = [VIDEO_PLATFORM, IOT_PLATFORM].flatMap((study) => study.stages.slice(1).map((s) => [study.contextKey, String(s.id - 1), String(s.id)]));

/** CDK internals no line may show: hashed logical IDs, singleton UUIDs, asset hashes, unresolved tokens. */
const INTERNALS = [/\b[A-Za-z]+[0-9A-F]{8}\b/, /[0-9a-f]{32}/, /\{Indirect/, /\{"Fn::/, /[0-9a-f]{64}/];

/** Lines of an output as headings: the index of the first line starting with each. */
const at = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start));

describe('diff leads with the lesson (issue 17 item 4)', () => {
  test.each(PAIRS)('%s %s -> %s: story, pillars, data verdict, then resources; --brief fits 40 lines; no CDK internals', async (study, from, to) => {
    const full = (await cli(['diff', study, from, to])).stdout;
    const order = ['Why (the story of this step)', 'Pillars, workshop deployment', 'Data safety:', 'Resources:', 'IAM:', 'Network:'].map((h) => at(full, h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Resources folded: counted per service, not named one by one.
    expect(full).not.toMatch(/^\s+[-+~!] \S+\/\S+ /m);

    const brief = (await cli(['diff', study, from, to, '--brief'])).stdout.trimEnd().split('\n');
    expect(brief.length).toBeLessThanOrEqual(40);
    expect(brief.join('\n')).toContain('Data safety:');

    const detailed = (await cli(['diff', study, from, to, '--resources'])).stdout;
    for (const output of [full, brief.join('\n'), detailed]) {
      for (const line of output.split('\n')) for (const internal of INTERNALS) expect([line, internal.test(line)]).toEqual([line, false]);
    }
    // Named resources are construct paths of the stage's code.
    expect(detailed).toMatch(/^\s+[-+~!] \S+\/\S+/m);
  });

  test('at 100 columns no framework link is cut: each flipped practice\'s link is printed whole', async () => {
    const json = JSON.parse((await cli(['diff', 'video', '3', '4', '--json'])).stdout);
    const text = (await cli(['diff', 'video', '3', '4'], 100)).stdout;
    const decided = json.scorecard.flipped.filter((f: any) => f.before !== 'notEvaluated' && f.after !== 'notEvaluated');
    expect(decided.length).toBeGreaterThan(0);
    for (const f of decided) expect(text.split('\n').map((l) => l.trim())).toContain(f.url);
    expect(text).not.toContain('…');
  });

  test('the diff says which deployment its numbers are; --talk scores the talk deployment', async () => {
    const workshop = (await cli(['diff', 'video', '1', '2'])).stdout;
    expect(workshop.split('\n')[0]).toContain('(workshop deployment)');
    const talk = await cli(['diff', 'video', '1', '2', '--talk', '--json']);
    expect(JSON.parse(talk.stdout).deployment).toEqual({ variant: 'talk' });
    const talkText = (await cli(['diff', 'video', '1', '2', '--talk'])).stdout;
    expect(talkText).toContain('Pillars, talk deployment');
    const score = (variant: 'workshop' | 'talk') => sharedStore.get(VIDEO_PLATFORM, 1, variant).scorecard.pillars.security.score;
    expect(talkText).toMatch(new RegExp(`\\n  score\\s+stage 1\\s+\\d+\\??\\s+${score('talk')}\\??\\s`));
    expect(workshop).toMatch(new RegExp(`\\n  score\\s+stage 1\\s+\\d+\\??\\s+${score('workshop')}\\??\\s`));
  });
});

describe('permissions broadened, from the statements (issue 17 item 4)', () => {
  const statement = (change: 'added' | 'removed', effect: 'Allow' | 'Deny', principal = 'AWS:${Pool/Role}'): IamChange => ({
    change,
    kind: 'statement',
    resource: '${Bucket.Arn}',
    effect,
    actions: ['s3:*'],
    principal,
  });

  test('an added Deny narrows, an added Allow broadens, a statement removed and added again is neither', () => {
    expect(iamSummary([statement('added', 'Deny')], [])).toMatchObject({ broadened: false, narrowed: true, denialsAdded: 1 });
    expect(iamSummary([statement('added', 'Allow')], [])).toMatchObject({ broadened: true, narrowed: false, grantsAdded: 1, grantsToExistingPrincipals: 1 });
    expect(iamSummary([statement('removed', 'Allow'), statement('added', 'Allow')], [])).toMatchObject({ broadened: false, narrowed: false });
    expect(iamSummary([statement('removed', 'Deny')], [])).toMatchObject({ broadened: true, denialsRemoved: 1 });
  });

  test('a grant to a role the step adds is not counted as an existing identity gaining permissions', () => {
    const summary = iamSummary([statement('added', 'Allow', 'AWS:${New/Role}')], [{ logicalId: 'NewRole1234ABCD', type: 'AWS::IAM::Role', path: 'New/Role', change: 'added' }]);
    expect(summary).toMatchObject({ grantsAdded: 1, grantsToExistingPrincipals: 0 });
  });

  test('video 4 -> 5 adds a Deny s3:* on the recordings bucket: the diff says it narrows', async () => {
    const d = stageDiff(VIDEO_PLATFORM, sharedStore.get(VIDEO_PLATFORM, 4), sharedStore.get(VIDEO_PLATFORM, 5));
    const denies = d.iam.changes.filter((c) => c.change === 'added' && c.effect === 'Deny');
    expect(denies.some((c) => c.actions?.includes('s3:*'))).toBe(true);
    expect(d.iam.narrowed).toBe(true);
    expect(d.iam.denialsAdded).toBe(denies.length);
    expect(d.iam.grantsAdded).toBe(d.iam.changes.filter((c) => c.change === 'added' && (c.effect === 'Allow' || c.kind === 'managedPolicy')).length);
    expect((await cli(["diff", "video", "4", "5"])).stdout.replace(/\s+/g, " ")).toMatch(new RegExp(`narrowed: yes, \\d+ grant\\(s\\) removed, ${denies.length} Deny added`));
  });
});

describe('readable names', () => {
  const names = readableNames('VideoPlatform', {
    ChatPoolSecurityGroup47ED8634: { type: 'AWS::EC2::SecurityGroup', path: 'VideoPlatform/ChatPool/SecurityGroup/Resource' },
    LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8aServiceRole9741ECFB: { type: 'AWS::IAM::Role', path: 'VideoPlatform/LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a/ServiceRole/Resource' },
  });

  test.each([
    ['${ChatPoolSecurityGroup47ED8634.GroupId}', '${ChatPool/SecurityGroup.GroupId}'],
    ['Db/SecurityGroup/from VideoPlatformChatPoolSecurityGroup2C3D4E5F:{IndirectPort}', 'Db/SecurityGroup/from ChatPool/SecurityGroup:<port>'],
    ['AWS:${LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8aServiceRole9741ECFB}', 'AWS:${LogRetention/ServiceRole}'],
    ['AWS:${SchedulerRoleForTarget-f467c4}', 'AWS:${SchedulerRoleForTarget}'],
    ['arn:${AWS::Partition}:s3:::{"Fn::Sub":"cdk-hnb659fds-assets-${AWS::AccountId}-us-east-1"}/' + 'ab12'.repeat(16) + '.zip', 'cdk-assets-bucket/<asset>.zip'],
    ['UnknownThing1A2B3C4D', 'UnknownThing'],
  ])('%s -> %s', (text, readable) => expect(names(text)).toBe(readable));
});

describe("stage 2's fix does not read as regressions under the defaults (issue 17 item 5)", () => {
  test('video 1 -> 2 without liveEvents: no best practice goes from accepted risk or met to not met, and REL and PERF go up', () => {
    const d = stageDiff(VIDEO_PLATFORM, sharedStore.get(VIDEO_PLATFORM, 1), sharedStore.get(VIDEO_PLATFORM, 2));
    const regressions = d.scorecard.flipped.filter((f) => f.after === 'notMet' && f.before !== 'notEvaluated');
    expect(regressions.map((f) => `${f.id} ${f.before} -> ${f.after}`)).toEqual([]);
    for (const id of ['REL07-BP03', 'PERF02-BP05']) expect(d.scorecard.flipped.find((f) => f.id === id)?.after ?? 'unchanged').not.toBe('notMet');
    const pillar = (p: string) => d.scorecard.pillars.find((x) => x.pillar === p)!;
    expect(pillar('reliability').delta).toBeGreaterThan(0);
    expect(pillar('performanceEfficiency').delta).toBeGreaterThan(0);
  });
});
