import { allBestPractices } from '../../lib/checks/framework/best-practices';
import { classificationOf } from '../../lib/checks/framework/bp-classification';
import { PILLARS } from '../../lib/checks/framework/pillars';
import { templateAnswers } from '../../lib/workshop/show/template-answers';
import { IOT_PLATFORM } from '../../stages/iot/registry';
import { sharedStore } from './cli-io';

describe('what a template answers and what is left for the team (issue 14 R4)', () => {
  const scorecard = sharedStore.get(IOT_PLATFORM, 4).scorecard;
  const answers = templateAnswers(scorecard);

  test('per pillar: evaluated, review and the rest add up to the framework, as the scorecard counts', () => {
    expect(answers.map((a) => a.pillar)).toEqual(PILLARS);
    for (const a of answers) {
      expect(a.framework).toBe(scorecard.pillars[a.pillar].coverage.framework);
      expect(a.evaluated).toBe(scorecard.pillars[a.pillar].coverage.evaluated);
      expect(a.evaluated + a.forReview.length + a.notEvaluated).toBe(a.framework);
      expect(a.notEvaluated).toBeGreaterThanOrEqual(0);
    }
  });

  test("the practices for review are exactly the pillar's review-classified ones the stage did not evaluate, linked to the framework", () => {
    const evaluated = new Set(scorecard.bestPractices.map((bp) => bp.id));
    for (const a of answers) {
      const expected = allBestPractices().filter((bp) => bp.pillar === a.pillar && classificationOf(bp.id).class === 'review' && !evaluated.has(bp.id));
      expect(a.forReview.map((bp) => bp.id)).toEqual(expected.map((bp) => bp.id));
      expect(a.forReview.length).toBeGreaterThan(0);
      for (const bp of a.forReview) expect(bp.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/wellarchitected\/2024-06-27\/framework\/[a-z0-9_]+\.html$/);
    }
    // A practice the stage evaluated is never also left to the team.
    expect(answers.flatMap((a) => a.forReview).some((bp) => evaluated.has(bp.id))).toBe(false);
  });
});
