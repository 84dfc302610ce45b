import { CostEstimate, dollars } from '../../cost';
import { shortPath } from '../diff/services';
import { esc } from './html';

/** A stage's estimated monthly bill under both load profiles, each on the deployment it implies. */
export interface StageCosts {
  /** The workshop load on the workshop deployment: deployed, nobody using it (the idle floor). */
  readonly workshop: CostEstimate;
  /** The talk load on the talk's deployment: the talk's stated figures (docs/cost.md). */
  readonly talk: CostEstimate;
}

/**
 * The dollar axis runs from $1 to $1M a month on a logarithmic scale: the stages' totals run from a
 * couple of dollars (an idle serverless stage) to hundreds of thousands (the talk's video audience),
 * and on a linear axis every workshop bar would be a hairline.
 */
const DECADES = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];
const TICK_LABELS = ['$1', '$10', '$100', '$1k', '$10k', '$100k', '$1M'];
const W = 640;
const LEFT = 150;
const PLOT = 400;
const ROW = 34;
const TOP = 10;
const BAR = 20;

/** Where a dollar amount falls on the axis, 0..1 (below $1 sits at the start, above $1M at the end). */
export function logPosition(usd: number): number {
  if (!(usd > 1)) return 0;
  return Math.min(1, Math.log10(usd) / Math.log10(DECADES[DECADES.length - 1]));
}

const LOADS = [
  { key: 'workshop', label: 'workshop load', note: 'deployed, idle' },
  { key: 'talk', label: 'talk load', note: "the talk's figures" },
] as const;

/** A horizontal bar per load, on the log dollar axis, each labelled with its amount. */
export function renderCostChart(costs: StageCosts, title: string): string {
  const x = (usd: number) => LEFT + PLOT * logPosition(usd);
  const height = TOP + LOADS.length * ROW + 26;
  const axisY = TOP + LOADS.length * ROW + 4;
  const parts: string[] = [];
  DECADES.forEach((d, i) => {
    parts.push(`<line class="grid" x1="${x(d)}" x2="${x(d)}" y1="${TOP - 4}" y2="${axisY}"/><text class="axis" x="${x(d)}" y="${axisY + 14}" text-anchor="middle">${TICK_LABELS[i]}</text>`);
  });
  LOADS.forEach((load, i) => {
    const estimate = costs[load.key];
    const y = TOP + i * ROW;
    const end = x(estimate.total);
    parts.push(
      `<text class="pillar" x="${LEFT - 8}" y="${y + BAR / 2 + 1}" text-anchor="end">${load.label}</text>`,
      `<text class="axis" x="${LEFT - 8}" y="${y + BAR / 2 + 13}" text-anchor="end">${load.note}</text>`,
      `<rect class="${load.key}" x="${LEFT}" y="${y}" width="${Math.max(1, end - LEFT).toFixed(1)}" height="${BAR}"><title>${esc(`${load.label}: ${dollars(estimate.total)} a month`)}</title></rect>`,
      `<text class="value cost-total" x="${(end + 6).toFixed(1)}" y="${y + BAR / 2 + 4}">${esc(dollars(estimate.total))}</text>`,
    );
  });
  const escaped = esc(title);
  return `<svg class="cost-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-label="${escaped}"><title>${escaped}</title>${parts.join('')}</svg>`;
}

/** How many of each load's largest lines a stage page lists. */
export const REPORT_COST_LINES = 5;

/** A table of one estimate's largest lines. */
function topLines(estimate: CostEstimate, stackName: string): string {
  const rows = estimate.lines
    .slice(0, REPORT_COST_LINES)
    .map(
      (l) =>
        `<tr><td class="num">${esc(dollars(l.amount))}</td><td><code>${esc(l.path ? shortPath(l.path, stackName) : l.logicalId)}</code></td><td>${esc(l.service)}: ${esc(l.billed)}</td></tr>`,
    )
    .join('');
  const unpriced = estimate.unpriced.length
    ? `<p class="notMet">Unpriced, not in the total: ${estimate.unpriced.map((u) => `<code>${esc(u.path ? shortPath(u.path, stackName) : u.logicalId)}</code> (${esc(u.resourceType)})`).join(', ')}</p>`
    : '';
  return `<table class="cost-lines"><tr><th class="num">$/month</th><th>resource</th><th>billed</th></tr>${rows}</table>${unpriced}`;
}

/** The stage page's cost section: the bars of both loads, then each load's largest lines. */
export function costSection(costs: StageCosts, stackName: string, study: string, stage: number): string {
  const chart = renderCostChart(costs, `Estimated monthly cost of ${study} stage ${stage}, both loads`);
  return `<h2>Cost</h2>
<p>The estimated bill in US dollars a month, from the synthesized template, us-east-1 on-demand list prices and a load profile
(<code>docs/cost.md</code> in the repository says how): the <em>workshop load</em> prices the workshop deploy
as deployed and left idle, the <em>talk load</em> prices the talk's deployment under the talk's stated figures. The axis is logarithmic: each gridline is ten times the one before.</p>
<div class="figure">${chart}</div>
${LOADS.map((load) => `<h3>Largest lines, ${load.label}: ${esc(dollars(costs[load.key].total))} a month</h3>${topLines(costs[load.key], stackName)}`).join('\n')}
<p class="muted">Every line, with its quantity, unit price and where the quantity comes from: <code>npx wa-stages cost ${esc(study)} ${stage}</code> and <code>npx wa-stages cost ${esc(study)} ${stage} --load talk</code></p>`;
}
