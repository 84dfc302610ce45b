import { PILLAR_LABEL, PILLARS } from '../../checks/framework/pillars';
import { painter, Terminal, wrap, wrapAfter } from '../cli/terminal';
import { Deployment } from '../synth/deployment';
import { TalkClaimView } from './talk-claim-view';

/**
 * The talk's words about a stage and its claims, each with the talk-deployment numbers it was checked
 * on. When the scorecard above is of another deployment, the talk deployment's scores are printed
 * here, so the quote never stands beside numbers it was not checked on.
 */
export function formatTalkClaims(talk: TalkClaimView, shown: Deployment, terminal: Terminal): string[] {
  const paint = painter(terminal);
  const width = terminal.width;
  const sameNumbers = shown.variant === 'talk' && Object.keys(shown.context).length === 0;
  const out = [paint('bold', `The talk on this stage, checked on the talk deployment${sameNumbers ? ' (the scorecard above)' : ', not the one above'}`)];
  out.push(...wrap(`"${talk.says}"`, width, '  '));
  if (!sameNumbers) {
    out.push(`  talk deployment scores: ${PILLARS.map((p) => `${PILLAR_LABEL[p]} ${talk.scores[p] ?? '-'}`).join('  ')}`);
  }
  for (const claim of talk.claims) {
    const mark = claim.holds ? 'holds' : 'FAILS';
    out.push(...wrapAfter(`  ${mark}  `, `${claim.statement}: ${claim.evidence}`, width, '         ').map((l) => paint(claim.holds ? 'green' : 'red', l)));
  }
  if (!sameNumbers) out.push(paint('dim', `  (wa-stages show <study> <stage> --talk: the whole scorecard of the talk deployment)`));
  return out;
}
