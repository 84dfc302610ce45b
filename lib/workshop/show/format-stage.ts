import { PILLAR_LABEL } from '../../checks/framework/pillars';
import { formatPillarTable, PILLAR_TABLE_LEGEND, UNDECIDED_LEGEND } from '../../checks/scorecard-table';
import { dollars } from '../../cost';
import { fit, painter, Terminal, wrap, wrapAfter } from '../cli/terminal';
import { shortType } from '../diff/services';
import { deploymentLabel, VARIANT_WORDS } from '../synth/deployment';
import { formatTalkClaims } from './format-talk-claims';
import { StageView } from './stage-view';


/** The folder every URL starts with (up to its last `/`), or '' when they share none. */
function commonFolder(urls: readonly string[]): string {
  if (urls.length === 0) return '';
  let prefix = urls[0].slice(0, urls[0].lastIndexOf('/') + 1);
  for (const url of urls) while (prefix && !url.startsWith(prefix)) prefix = prefix.slice(0, prefix.lastIndexOf('/', prefix.length - 2) + 1);
  return prefix.startsWith('https://') && prefix.length > 'https://'.length ? prefix : '';
}

/** Options of {@link formatStageView}. */
export interface FormatStageOptions {
  /**
   * List every best practice left to the team's review, with its link, under each pillar's count.
   * @default false
   */
  readonly review?: boolean;
}

/** A stage as text for a terminal. */
export function formatStageView(view: StageView, terminal: Terminal, options: FormatStageOptions = {}): string {
  const paint = painter(terminal);
  const width = terminal.width;
  const out: string[] = [];
  const line = (text: string, style?: Parameters<typeof paint>[0]) => out.push(style ? paint(style, fit(text, width)) : fit(text, width));
  line(`${view.stackName}, stage ${view.stage}: ${view.title} (${view.study} ${view.stage} ${view.slug})`, 'bold');
  out.push('');
  line('Why', 'bold');
  out.push(...wrap(view.reason, width, '  '));
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
  const deployment = { variant: view.scorecard.deployment, context: view.scorecard.context ?? {} };
  out.push(...wrap(`Scorecard of the ${deploymentLabel(deployment)}`, width).map((l) => paint('bold', l)));
  out.push(...wrap(`(${VARIANT_WORDS[deployment.variant]})`, width, '  ').map((l) => paint('dim', l)));
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
    const style = bp.outcome === 'notMet' ? 'red' : 'yellow';
    out.push(...wrapAfter(`  ${bp.outcome === 'notMet' ? 'x' : '~'} ${bp.id.padEnd(11)} `, bp.title, width, '                ').map((l) => paint(style, l)));
    // A cut URL is useless: indented where it fits whole, else on a line of its own, never cut.
    out.push(paint('dim', bp.url.length + 6 <= width ? `      ${bp.url}` : bp.url));
    for (const f of bp.findings.slice(0, 3)) line(`      ${f.rule} on ${f.resource}${f.outcome === 'acknowledged' ? ' (accepted)' : ''}`, 'dim');
    if (bp.findings.length > 3) line(`      ... ${bp.findings.length - 3} more`, 'dim');
  }
  if (view.talk) {
    out.push('');
    out.push(...formatTalkClaims(view.talk, deployment, terminal));
  }
  out.push('');
  // Which half of a Well-Architected review the template answers, and which half the team must.
  line('What the template answers, and what is left for the team', 'bold');
  const answers = view.scorecard.templateAnswers;
  const digits = Math.max(...answers.map((a) => String(a.framework).length));
  // The framework's pages share one folder: naming it once keeps each practice's link whole within the width.
  const base = commonFolder(answers.flatMap((a) => a.forReview.map((bp) => bp.url)));
  if (options.review && base) line(`  Links: ${base}<page>`, 'dim');
  for (const a of answers) {
    line(`  ${PILLAR_LABEL[a.pillar].padEnd(5)} template answers ${String(a.evaluated).padStart(digits)} of ${a.framework}; for the team to review: ${a.forReview.length} practices`);
    if (!options.review) continue;
    for (const bp of a.forReview) {
      line(`      ${bp.id.padEnd(11)} ${bp.title}`);
      const link = base && bp.url.startsWith(base) ? bp.url.slice(base.length) : bp.url;
      out.push(paint('dim', link.length + 18 <= width ? `                  ${link}` : link));
    }
  }
  const rest = answers.reduce((n, a) => n + a.notEvaluated, 0);
  out.push(
    ...wrap(
      `(review: only a review of people and process can answer them, lib/checks/framework/bp-classification.json; ` +
        `the other ${rest} a template could show are not evaluated here: no rule yet, or no resource they apply to. ` +
        `${options.review ? '' : '--review lists the practices to review with their links; '}wa-stages coverage: the backlog)`,
      width,
      '  ',
    ).map((l) => paint('dim', l)),
  );
  out.push('');
  line('Commands', 'bold');
  line(`  deploy:  ${view.commands.deploy}`);
  line(`  diff:    ${view.commands.diff}`);
  line(`  destroy: ${view.commands.destroy}`);
  return out.join('\n');
}
