import { PILLARS } from '../../checks/framework/pillars';
import { Scorecard } from '../../checks/scorecard';
import { CaseStudyInfo } from '../../../stages/stage-info';
import { checkTalkClaims, ClaimResult, PillarScores } from '../talk-claims';

/**
 * The talk's words about one stage, with the numbers they were checked on: the scores of the talk's
 * deployment (stages/talk-deployment.ts), never the workshop's. A quote beside numbers of another
 * deployment reads as a contradiction the talk never made.
 */
export interface TalkClaimView {
  /** The talk's own words, shortened. */
  readonly says: string;
  /** The deployment the claims are checked on: always the talk's. */
  readonly deployment: 'talk';
  /** This stage's pillar scores under the talk's deployment. */
  readonly scores: PillarScores;
  /** Every claim of the stage, checked; `change` claims compare with an earlier stage, also under the talk's deployment. */
  readonly claims: readonly ClaimResult[];
}

/** A scorecard's six pillar scores. */
export function pillarScores(card: Scorecard): PillarScores {
  return Object.fromEntries(PILLARS.map((p) => [p, card.pillars[p].score])) as PillarScores;
}

/**
 * The talk's claims about a stage checked on the talk's deployment, or undefined for a stage the talk
 * gives no framework view of. `talkScores` reads a stage's scores under the talk's deployment.
 */
export function talkClaimView(study: CaseStudyInfo, stage: number, talkScores: (stage: number) => PillarScores): TalkClaimView | undefined {
  const info = study.stages.find((s) => s.id === stage);
  if (!info?.talk) return undefined;
  const ofThisStage: CaseStudyInfo = { ...study, stages: [info] };
  return { says: info.talk.says, deployment: 'talk', scores: talkScores(stage), claims: checkTalkClaims(ofThisStage, talkScores) };
}
