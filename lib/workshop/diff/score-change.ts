import { PILLARS, Pillar } from '../../checks/framework/pillars';
import { BestPracticeOutcome, Scorecard } from '../../checks/scorecard';

/** How one pillar's score moved. */
export interface PillarChange {
  readonly pillar: Pillar;
  readonly before: number | null;
  readonly after: number | null;
  /** after - before; null when either side was not scored. */
  readonly delta: number | null;
}

/** A best practice whose outcome differs between the two stages. */
export interface FlippedBestPractice {
  readonly id: string;
  readonly pillar: Pillar;
  readonly title: string;
  readonly url: string;
  readonly before: BestPracticeOutcome | 'notEvaluated';
  readonly after: BestPracticeOutcome | 'notEvaluated';
}

/** The scorecard change of a step. */
export interface ScoreChange {
  readonly pillars: readonly PillarChange[];
  readonly flipped: readonly FlippedBestPractice[];
}

/** Compares two scorecards pillar by pillar, and lists every best practice whose outcome changed. */
export function scoreChange(before: Scorecard, after: Scorecard): ScoreChange {
  const pillars = PILLARS.map((pillar) => {
    const b = before.pillars[pillar].score;
    const a = after.pillars[pillar].score;
    return { pillar, before: b, after: a, delta: a === null || b === null ? null : a - b };
  });
  const beforeById = new Map(before.bestPractices.map((bp) => [bp.id, bp]));
  const afterById = new Map(after.bestPractices.map((bp) => [bp.id, bp]));
  const ids = [...new Set([...beforeById.keys(), ...afterById.keys()])];
  const flipped = ids
    .map((id) => {
      const bp = (afterById.get(id) ?? beforeById.get(id))!;
      return {
        id,
        pillar: bp.pillar,
        title: bp.title,
        url: bp.url,
        before: beforeById.get(id)?.outcome ?? ('notEvaluated' as const),
        after: afterById.get(id)?.outcome ?? ('notEvaluated' as const),
      };
    })
    .filter((f) => f.before !== f.after)
    .sort((a, b) => PILLARS.indexOf(a.pillar) - PILLARS.indexOf(b.pillar) || a.id.localeCompare(b.id, 'en', { numeric: true }));
  return { pillars, flipped };
}
