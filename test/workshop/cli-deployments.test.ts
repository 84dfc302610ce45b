import { PILLAR_LABEL, PILLARS } from '../../lib/checks/framework/pillars';
import { VIDEO_PLATFORM } from '../../stages/video/registry';
import { IOT_PLATFORM } from '../../stages/iot/registry';
import { TALK_CERTIFICATE_ARN } from '../../stages/talk-deployment';
import { cli, sharedStore } from './cli-io';

/**
 * Two deployments, one quote (issue 17 item 2): every number says which deployment it is, and the
 * talk's words stand beside the talk deployment's scores, which they were checked on.
 */
describe('show: the talk quoted beside the numbers it was checked on', () => {
  test.each([
    [VIDEO_PLATFORM, 1],
    [IOT_PLATFORM, 1],
  ])('%s stage %i: the workshop scorecard, then the quote with the talk deployment\'s scores', async (study, stage) => {
    const run = await cli(['show', study.contextKey, String(stage)]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const scorecard = lines.findIndex((l) => l.startsWith('Scorecard of the workshop deployment'));
    const talk = lines.findIndex((l) => l.startsWith('The talk on this stage, checked on the talk deployment, not the one above'));
    expect(scorecard).toBeGreaterThan(0);
    expect(talk).toBeGreaterThan(scorecard);
    const says = study.stages[stage - 1].talk!.says;
    // The quote appears once, under its own heading, never in the story above the workshop's numbers.
    expect(run.stdout.replace(/\s+/g, ' ').indexOf(says.split(' ').slice(0, 4).join(' '))).toBeGreaterThan(run.stdout.replace(/\s+/g, ' ').indexOf('The talk on this stage'));
    const card = sharedStore.get(study, stage, 'talk').scorecard;
    const expected = PILLARS.map((p) => `${PILLAR_LABEL[p]} ${card.pillars[p].score ?? '-'}`).join('  ');
    expect(run.stdout).toContain(`  talk deployment scores: ${expected}`);
    expect(run.stdout).toMatch(/\n {2}(holds|FAILS) {2}\S+/);
  });

  test('--talk: the scorecard is the talk deployment\'s, and the quote says so', async () => {
    const run = await cli(['show', 'video', '1', '--talk']);
    expect(run.stdout).toContain('Scorecard of the talk deployment');
    expect(run.stdout).toContain('The talk on this stage, checked on the talk deployment (the scorecard above)');
    expect(run.stdout).not.toContain('talk deployment scores:');
    const json = JSON.parse((await cli(['show', 'video', '1', '--talk', '--json'])).stdout);
    expect(json.scorecard.deployment).toBe('talk');
    expect(json.talk.deployment).toBe('talk');
    expect(json.talk.claims.length).toBeGreaterThan(0);
  });

  test('a stage the talk gives no framework view of has no quote', async () => {
    const without = VIDEO_PLATFORM.stages.find((s) => !s.talk);
    if (!without) return;
    const run = await cli(['show', 'video', String(without.id)]);
    expect(run.stdout).not.toContain('The talk on this stage');
  });
});

describe('-c key=value: context passed through to synth', () => {
  test('show video 1 -c certificateArn=...: HTTPS is in the scorecard, and the heading names the context', async () => {
    const run = await cli(['show', 'video', '1', '-c', `certificateArn=${TALK_CERTIFICATE_ARN}`]);
    expect(run.code).toBe(0);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain(`Scorecard of the workshop deployment + -c certificateArn=${TALK_CERTIFICATE_ARN}`);
    const json = JSON.parse((await cli(['show', 'video', '1', '-c', `certificateArn=${TALK_CERTIFICATE_ARN}`, '--json'])).stdout);
    expect(json.scorecard.context).toEqual({ certificateArn: TALK_CERTIFICATE_ARN });
    // A certificate makes the listener HTTPS: encryption in transit is no longer "not met" as it is over plain HTTP.
    const outcome = (card: any) => card.bestPractices.find((b: any) => b.id === 'SEC09-BP02')?.outcome;
    expect(outcome(sharedStore.get(VIDEO_PLATFORM, 1).scorecard)).toBe('notMet');
    expect(outcome(json.scorecard)).not.toBe('notMet');
  });

  test('score and diff take -c too, and say so', async () => {
    const score = await cli(['score', 'video', '2', '-c', 'alertEmail=ops@example.com']);
    expect(score.code).toBe(0);
    expect(score.stdout).toContain('workshop deployment + -c alertEmail=ops@example.com');
    const diff = await cli(['diff', 'video', '1', '2', '-c', 'alertEmail=ops@example.com', '--brief']);
    expect(diff.stdout.replace(/\s+/g, ' ')).toContain('(workshop deployment + -c alertEmail=ops@example.com)');
  });

  test('a bad value is one line naming what is valid, exit 2', async () => {
    const run = await cli(['show', 'video', '1', '-c', 'alertEmail=not-an-address']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^-c: .*alertEmail/);
  });
});
