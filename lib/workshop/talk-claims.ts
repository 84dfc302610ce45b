import { PILLARS, Pillar } from '../checks/framework/pillars';
import { CaseStudyInfo, CLEARLY_UP_POINTS, PillarClaim } from '../../stages/stage-info';

/** The six pillar scores of one stage. */
export type PillarScores = Record<Pillar, number | null>;

/** One claim of the talk, checked. */
export interface ClaimResult {
  readonly stage: number;
  readonly claim: PillarClaim;
  /** The claim in words, e.g. `reliability < security`. */
  readonly statement: string;
  readonly holds: boolean;
  /** The scores the verdict rests on. */
  readonly evidence: string;
}

const score = (scores: PillarScores, pillar: Pillar) => scores[pillar] ?? Number.NaN;

function check(stage: number, claim: PillarClaim, scoresOf: (stage: number) => PillarScores): ClaimResult[] {
  const now = scoresOf(stage);
  const result = (statement: string, holds: boolean, evidence: string): ClaimResult => ({ stage, claim, statement, holds, evidence });
  switch (claim.kind) {
    case 'below':
      return claim.pillars.flatMap((p) =>
        claim.others.map((o) => result(`${p} < ${o}`, score(now, p) < score(now, o), `${score(now, p)} vs ${score(now, o)}`)),
      );
    case 'highest':
      return PILLARS.filter((p) => p !== claim.pillar).map((o) =>
        result(`${claim.pillar} >= ${o}`, score(now, claim.pillar) >= score(now, o), `${score(now, claim.pillar)} vs ${score(now, o)}`),
      );
    case 'change': {
      const before = scoresOf(claim.since);
      const delta = (p: Pillar) => `${score(before, p)} -> ${score(now, p)} (stage ${claim.since} -> ${stage})`;
      return [
        ...(claim.up ?? []).map((p) => result(`${p} up`, score(now, p) > score(before, p), delta(p))),
        ...(claim.clearlyUp ?? []).map((p) => result(`${p} up by ${CLEARLY_UP_POINTS}+`, score(now, p) - score(before, p) >= CLEARLY_UP_POINTS, delta(p))),
        ...(claim.notDown ?? []).map((p) => result(`${p} not down`, score(now, p) >= score(before, p), delta(p))),
      ];
    }
  }
}

/**
 * Every claim the talk makes about a case study's stages, checked against scores computed from the
 * synthesized stages. A claim that fails means the architecture or the rules' coverage is wrong;
 * scores are never tuned per stage.
 */
export function checkTalkClaims(study: CaseStudyInfo, scoresOf: (stage: number) => PillarScores): ClaimResult[] {
  return study.stages.flatMap((stage) => (stage.talk?.claims ?? []).flatMap((claim) => check(stage.id, claim, scoresOf)));
}
