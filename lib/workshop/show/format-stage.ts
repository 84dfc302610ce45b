import { formatPillarTable, PILLAR_TABLE_LEGEND, UNDECIDED_LEGEND } from '../../checks/scorecard-table';
import { dollars } from '../../cost';
import { fit, painter, Terminal, wrap } from '../cli/terminal';
import { shortType } from '../diff/services';
import { StageView } from './stage-view';

const DEPLOYMENTS = {
  workshop: "workshop deployment: cdk.json's defaults, as `cdk deploy` gets them",
  talk: 'the deployment the talk describes (HTTPS with its own certificates, a known live event)',
} as const;

/** A stage as text for a terminal. */
export function formatStageView(view: StageView, terminal: Terminal): string {
  const paint = painter(terminal);
  const width = terminal.width;
  const out: string[] = [];
  const line = (text: string, style?: Parameters<typeof paint>[0]) => out.push(style ? paint(style, fit(text, width)) : fit(text, width));
  line(`${view.stackName}, stage ${view.stage}: ${view.title} (${view.study} ${view.stage} ${view.slug})`, 'bold');
  out.push('');
  line('Why', 'bold');
  out.push(...wrap(view.reason, width, '  '));
  if (view.talkSays) out.push(...wrap(`The talk: "${view.talkSays}"`, width, '  '));
  line('Adds', 'bold');
  for (const a of view.adds) out.push(...wrap(`+ ${a}`, width, '  '));
  if (view.retires.length > 0) {
    line('Retires', 'bold');
    for (const r of view.retires) out.push(...wrap(`- ${r}`, width, '  '));
  }
  out.push('');
  line(`Resources (${view.resources.total}) by service`, 'bold');
  for (const s of view.resources.byService) {
    line(`  ${s.service.padEnd(24)}${String(s.count).padStart(4)}  ${s.types.map((t) => `${shortType(t.type)} ${t.count}`).join(', ')}`);
  }
  out.push('');
  const { cost } = view;
  line(`Cost: ${dollars(cost.total)} a month (${cost.load} load, ${cost.region} on-demand list prices)`, 'bold');
  const amounts = cost.topLines.map((l) => dollars(l.amount));
  const pad = Math.max(0, ...amounts.map((a) => a.length));
  cost.topLines.forEach((l, i) => line(`  ${amounts[i].padStart(pad)}  ${l.path ?? l.logicalId}  ${l.service}: ${l.billed}`));
  if (cost.unpriced.length > 0) line(`  UNPRICED, not in the total: ${cost.unpriced.map((u) => `${u.path ?? u.logicalId} (${u.resourceType})`).join(', ')}`, 'yellow');
  line(`  (${cost.lineCount} lines in all: wa-stages cost ${view.study} ${view.stage}; docs/cost.md says how)`, 'dim');
  out.push('');
  line(`Scorecard (${DEPLOYMENTS[view.scorecard.deployment]})`, 'bold');
  const table = formatPillarTable('', [{ label: 'score', pillars: view.scorecard.pillars, findings: view.scorecard.findings }]);
  for (const row of table.split('\n')) line(`  ${row}`);
  for (const legend of PILLAR_TABLE_LEGEND.split('\n')) line(`  ${legend}`, 'dim');
  if (view.scorecard.undecided.length > 0) line(`  ${UNDECIDED_LEGEND}`, 'dim');
  for (const u of view.scorecard.undecided) {
    line(`  ? ${u.rule} on ${u.resource} could not decide:`, 'yellow');
    line(`      ${u.error.split('\n')[0]}`, 'dim');
  }
  for (const a of view.scorecard.staleAcknowledgements) {
    line(`  ! stale acknowledgement: ${a.id} on ${a.scope} matches no finding any more; remove it`, 'yellow');
  }
  const gaps = view.scorecard.bestPractices.filter((bp) => bp.outcome !== 'met');
  const met = view.scorecard.bestPractices.length - gaps.length;
  line(`  ${met} of ${view.scorecard.bestPractices.length} evaluated best practices met; not met or accepted as a risk:`);
  for (const bp of gaps) {
    line(`  ${bp.outcome === 'notMet' ? 'x' : '~'} ${bp.id.padEnd(11)} ${bp.title}`, bp.outcome === 'notMet' ? 'red' : 'yellow');
    // A cut URL is useless: print it where it fits whole, else leave it to --json and the report.
    if (bp.url.length + 6 <= width) out.push(paint('dim', `      ${bp.url}`));
    else if (bp.url.length <= width) out.push(paint('dim', bp.url));
    for (const f of bp.findings.slice(0, 3)) line(`      ${f.rule} on ${f.resource}${f.outcome === 'acknowledged' ? ' (accepted)' : ''}`, 'dim');
    if (bp.findings.length > 3) line(`      ... ${bp.findings.length - 3} more`, 'dim');
  }
  out.push('');
  line('Commands', 'bold');
  line(`  deploy:  ${view.commands.deploy}`);
  line(`  diff:    ${view.commands.diff}`);
  line(`  destroy: ${view.commands.destroy}`);
  return out.join('\n');
}
