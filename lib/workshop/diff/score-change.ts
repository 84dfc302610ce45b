import { PILLARS, Pillar } from '../../checks/framework/pillars';
import { BestPracticeOutcome, PillarCoverage, Scorecard } from '../../checks/scorecard';

/** How one number of a pillar moved. */
export interface NumberChange {
  readonly before: number | null;
  readonly after: number | null;
  /** after - before; null when either side was not scored. */
  readonly delta: number | null;
}

/** How one pillar's score moved, and with it its compliance and coverage. */
export interface PillarChange extends NumberChange {
  readonly pillar: Pillar;
  /** The risk-weighted share of compliant rule-resource evaluations, before and after. */
  readonly compliance: NumberChange;
  /** Best practices evaluated before and after, of those the packs can evaluate and of the framework's. */
  readonly coverage: { readonly before: PillarCoverage; readonly after: PillarCoverage };
  /** Rule-resource pairs behind the pillar whose rule could not decide, before and after. */
  readonly undecided: { readonly before: number; readonly after: number };
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
  const change = (b: number | null, a: number | null): NumberChange => ({ before: b, after: a, delta: a === null || b === null ? null : a - b });
  const pillars = PILLARS.map((pillar) => {
    const b = before.pillars[pillar];
    const a = after.pillars[pillar];
    return {
      pillar,
      ...change(b.score, a.score),
      compliance: change(b.compliance, a.compliance),
      coverage: { before: b.coverage, after: a.coverage },
      undecided: { before: b.undecided, after: a.undecided },
    };
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
