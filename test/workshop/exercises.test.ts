import * as fs from 'node:fs';
import * as path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { makeApp, PROJECT_ROOT } from '../../lib/app/make-app';
import { addPlatforms } from '../../lib/app/platforms';
import { scorecardsOf } from '../../lib/checks/add-checks';
import { PILLARS } from '../../lib/checks/framework/pillars';
import { Scorecard } from '../../lib/checks/scorecard';
import { STUDIES } from '../../lib/workshop/studies';
import { Exercise, ExerciseTarget, EXERCISES, expectedChangeText } from '../../docs/workshop/solutions/exercises';
import { quietSynth } from '../support/quiet-synth';
import { sharedStore } from './cli-io';

/**
 * Every workshop exercise's solution, applied to its stage: each pillar must move as the exercise's
 * page says, and the pages must say what the catalog (docs/workshop/solutions/exercises.ts) says.
 */

const WORKSHOP = path.join(PROJECT_ROOT, 'docs', 'workshop');

function scorecard(target: ExerciseTarget, context: Record<string, unknown> = {}, apply?: (stack: Stack) => void): Scorecard {
  const app = makeApp({ context: { [target.study]: target.stage, ...context }, cloudFormationValidation: false, bundling: false });
  const stack = addPlatforms(app, { only: target.study })[target.study]!;
  apply?.(stack);
  quietSynth(app);
  return scorecardsOf(app).find((card) => card.stack === stack.stackName)!;
}

/**
 * The stage as shipped, from the workshop's stage cache (synthesized the same way: checks on, no
 * bundling, no template validation), which the other workshop tests of the run share.
 */
function shippedScorecard(target: ExerciseTarget): Scorecard {
  return sharedStore.get(STUDIES.find((s) => s.contextKey === target.study)!, target.stage, 'workshop').scorecard;
}

function direction(before: number | null, after: number | null): string {
  if (before === after) return 'same';
  if (before === null || after === null) return `${before} -> ${after}`;
  return after > before ? 'up' : 'down';
}

test("the test's own synth scores an unchanged stage exactly as the stage cache does", () => {
  const target: ExerciseTarget = { study: 'video', stage: 1 };
  expect(scorecard(target).pillars).toEqual(shippedScorecard(target).pillars);
});

const cases = EXERCISES.flatMap((exercise) => exercise.targets.map((target) => [exercise.id, `${target.study} ${target.stage}`, exercise, target] as const));

describe('each exercise solution moves the pillars its page says', () => {
  test.each(cases)('%s on %s', (_id, _where, exercise: Exercise, target: ExerciseTarget) => {
    const before = shippedScorecard(target);
    const after = scorecard(target, exercise.context?.(), exercise.apply);
    const moved = Object.fromEntries(PILLARS.map((p) => [p, direction(before.pillars[p].score, after.pillars[p].score)]));
    const expected = Object.fromEntries(PILLARS.map((p) => [p, exercise.change[p] ?? 'same']));
    expect(moved).toEqual(expected);
    for (const pillar of exercise.complianceUp ?? []) expect(after.pillars[pillar].compliance!).toBeGreaterThan(before.pillars[pillar].compliance!);
    // Open findings can only go down: a solution fixes, it never adds a flaw of its own.
    expect(after.findings.open).toBeLessThanOrEqual(before.findings.open);
    const stale = after.staleAcknowledgements.map((a) => a.id.replace(/^[^:]+::/, ''));
    expect(stale).toEqual(exercise.staleAcknowledgement ? [exercise.staleAcknowledgement] : []);
  });
});

describe('the workshop pages state what the solutions do', () => {
  test.each(EXERCISES.map((e) => [e.id, e] as const))('%s', (id, exercise) => {
    const page = fs.readFileSync(path.join(WORKSHOP, 'exercises', `${id}.md`), 'utf8');
    expect(page).toMatch(new RegExp(`^# ${exercise.title}$`, 'm'));
    expect(page).toContain(`**Expected pillar change:** ${expectedChangeText(exercise)}`);
    // The solution code on the page is the module the test applies, character for character.
    if (exercise.solutionFile) expect(page).toContain(`\`\`\`ts\n${fs.readFileSync(path.join(WORKSHOP, 'solutions', exercise.solutionFile), 'utf8')}\`\`\``);
    const guide = fs.readFileSync(path.join(WORKSHOP, 'facilitator-guide.md'), 'utf8');
    // The guide's table row for the exercise carries the same words.
    expect(guide).toContain(`[${exercise.title}](exercises/${id}.md) | ${exercise.targets.map((t) => `${t.study} ${t.stage}`).join(', ')} | ${expectedChangeText(exercise)} |`);
  });

  test('every exercise page is in the catalog', () => {
    const pages = fs.readdirSync(path.join(WORKSHOP, 'exercises')).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, ''));
    expect(pages.sort()).toEqual(EXERCISES.map((e) => e.id).sort());
  });
});
