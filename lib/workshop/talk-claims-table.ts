import { PILLAR_LABEL, PILLARS, Pillar } from '../checks/framework/pillars';
import { CaseStudyInfo } from '../../stages/stage-info';
import { ClaimResult, checkTalkClaims, PillarScores } from './talk-claims';
import type { DeploymentVariant } from './synth/stage-snapshot';

/** `reliability < security` → `REL < SEC`: the table speaks in the scorecard's column labels. */
function short(statement: string): string {
  return PILLARS.reduce((text, p: Pillar) => text.replaceAll(p, PILLAR_LABEL[p]), statement);
}

/** One deployment's verdict on a stage's claims: all hold, or the ones that fail with their scores. */
function verdict(results: readonly ClaimResult[]): string {
  const failed = results.filter((r) => !r.holds);
  if (failed.length === 0) return `holds (${results.length} of ${results.length} checks)`;
  return `**fails** ${failed.length} of ${results.length}: ${failed.map((r) => `${short(r.statement)} is false (${r.evidence.replace(/ \(stage.*\)$/, '')})`).join('; ')}`;
}

/**
 * The facilitator guide's table of the talk's framework slides: per stage the talk judges, what it
 * says and whether the scores bear it out under the workshop deployment (cdk.json's defaults) and
 * under the deployment the talk describes. A test keeps docs/workshop/facilitator-guide.md identical.
 */
export function talkClaimsTableMarkdown(
  studies: readonly CaseStudyInfo[],
  scoresOf: (study: CaseStudyInfo, stage: number, deployment: DeploymentVariant) => PillarScores,
): string {
  const rows = studies.flatMap((study) => {
    const results = (deployment: DeploymentVariant) => checkTalkClaims(study, (stage) => scoresOf(study, stage, deployment));
    const workshop = results('workshop');
    const talk = results('talk');
    return study.stages
      .filter((s) => s.talk)
      .map((s) => `| ${study.contextKey} ${s.id} | ${s.talk!.says} | ${verdict(workshop.filter((r) => r.stage === s.id))} | ${verdict(talk.filter((r) => r.stage === s.id))} |`);
  });
  return ['| stage | the talk says | workshop deployment (`wa-stages score`) | talk deployment (`wa-stages score --talk`) |', '|---|---|---|---|', ...rows].join('\n');
}
