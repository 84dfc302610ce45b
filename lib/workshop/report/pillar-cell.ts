import { PILLARS } from '../../checks/framework/pillars';
import { PillarScore } from '../../checks/scorecard';
import { StageSnapshot } from '../synth/stage-snapshot';
import { esc } from './html';

/** What the two small numbers under a score mean, for the pages' legends. */
export const PILLAR_CELL_LEGEND =
  'Each cell: the <strong>score</strong> (risk-weighted share of the evaluated best practices that are met, as the Well-Architected Tool counts them); under it ' +
  'the <strong>compliance</strong> (risk-weighted share of compliant rule-resource evaluations, as AWS Config scores a conformance pack) and the ' +
  '<strong>coverage</strong> (best practices evaluated, of the pillar\'s total in the framework). <strong>?</strong> marks a score a rule could not decide on: ' +
  'it leaves out evidence (listed under the scorecard).';

/** A pillar as a table cell: its score, and under it its compliance and coverage, so the score never stands alone. */
export function pillarCell(pillar: PillarScore): string {
  const score = `${pillar.score ?? '-'}${pillar.undecided > 0 ? '?' : ''}`;
  const compliance = pillar.compliance === null ? '-' : `${pillar.compliance}%`;
  const { evaluated, framework } = pillar.coverage;
  const title = `score ${pillar.score ?? '-'}; compliance ${compliance}; ${evaluated} of ${framework} best practices evaluated` + (pillar.undecided > 0 ? `; ${pillar.undecided} undecided` : '');
  return `<td class="num" title="${esc(title)}">${esc(score)}<br><span class="muted sub">${esc(compliance)} &middot; ${evaluated}/${framework}</span></td>`;
}

/** The last row of a pillar table: how many best practices the packs can evaluate at all, of the framework's. */
export function evaluableRow(any: StageSnapshot, labelColumns: number): string {
  const cells = PILLARS.map((p) => {
    const { evaluable, framework } = any.scorecard.pillars[p].coverage;
    return `<td class="num muted">${evaluable}/${framework}</td>`;
  });
  return `<tr><td colspan="${labelColumns}" class="muted">the packs can evaluate</td>${cells.join('')}</tr>`;
}
