import { allBestPractices } from '../../checks/framework/best-practices';
import { classificationOf } from '../../checks/framework/bp-classification';
import { Pillar, PILLARS } from '../../checks/framework/pillars';
import { Scorecard } from '../../checks/scorecard';

/** A best practice left to the team, with its page in the framework. */
export interface PracticeForReview {
  readonly id: string;
  readonly title: string;
  readonly url: string;
}

/**
 * One pillar split the way a workshop reads a review: what the template answered, what only the team
 * can answer, and what a template could show but this one was not checked for.
 */
export interface PillarAnswers {
  readonly pillar: Pillar;
  /** Best practices of the pillar in the pinned framework. */
  readonly framework: number;
  /** Evaluated on this stage from its template (met, not met or accepted as a risk). */
  readonly evaluated: number;
  /**
   * Classified `review` in lib/checks/framework/bp-classification.json and not evaluated: no
   * template can answer them, a review of people and process must.
   */
  readonly forReview: readonly PracticeForReview[];
  /**
   * The rest: practices a template can show (`template` or `partial`) that were not evaluated here,
   * because no rule covers them yet or this stage has no resource they apply to.
   */
  readonly notEvaluated: number;
}

/** Per pillar, what a stage's scorecard answered and what remains for the team's review. */
export function templateAnswers(scorecard: Scorecard): PillarAnswers[] {
  const evaluated = new Set(scorecard.bestPractices.map((bp) => bp.id));
  return PILLARS.map((pillar) => {
    const practices = allBestPractices().filter((bp) => bp.pillar === pillar);
    const forReview = practices
      .filter((bp) => !evaluated.has(bp.id) && classificationOf(bp.id).class === 'review')
      .map((bp) => ({ id: bp.id, title: bp.title, url: bp.url }));
    const answered = practices.filter((bp) => evaluated.has(bp.id)).length;
    return { pillar, framework: practices.length, evaluated: answered, forReview, notEvaluated: practices.length - answered - forReview.length };
  });
}
