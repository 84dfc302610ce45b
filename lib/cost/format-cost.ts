import { CostDelta } from './cost-delta';
import { CostEstimate } from './cost-line';
import { grouped, groupedFixed } from './numbers';

/** `$1,234.56` (cents below $100, whole dollars above). */
export function dollars(usd: number): string {
  const digits = Math.abs(usd) < 100 ? 2 : 0;
  return `${usd < 0 ? '-' : ''}$${groupedFixed(Math.abs(usd), digits)}`;
}

/** `+$1,234 a month (+12%)`: a change as `diff` and `show` would print it. */
export function formatCostChange(delta: CostDelta): string {
  const sign = delta.change > 0 ? '+' : delta.change < 0 ? '-' : '';
  const pct = delta.changeRatio === undefined ? '' : ` (${sign}${Math.abs(delta.changeRatio * 100).toFixed(0)}%)`;
  return `${sign}${dollars(Math.abs(delta.change))} a month${pct}: ${dollars(delta.before)} -> ${dollars(delta.after)} (${delta.load} load)`;
}

function quantity(n: number): string {
  if (n === 0) return '0';
  if (Math.abs(n) >= 1000) return grouped(Math.round(n), 0);
  return grouped(Number(n.toPrecision(4)), 4);
}

function price(n: number): string {
  return `$${grouped(Number(n.toPrecision(4)), 10)}`;
}

/** Rows of cells as aligned text columns. */
function columns(rows: string[][], rightAligned: readonly number[]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (rightAligned.includes(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd());
}

/** One stage's estimate as text: its total, each line that costs something, then what is free or unpriced. */
export function formatEstimate(title: string, estimate: CostEstimate, width = 100): string {
  const costly = estimate.lines.filter((l) => l.amount >= 0.005);
  const amounts = costly.map((l) => dollars(l.amount));
  const pad = Math.max(0, ...amounts.map((a) => a.length));
  const fit = (s: string) => (s.length > width ? `${s.slice(0, width - 1)}…` : s);
  const zero = estimate.lines.length - costly.length;
  return [
    `${title}: ${dollars(estimate.total)} a month (${estimate.load} load, ${estimate.region} on-demand list prices, ${estimate.hoursPerMonth} h)`,
    ...costly.map((l, i) => fit(`  ${amounts[i].padStart(pad)}  ${l.service}: ${l.billed}, ${quantity(l.quantity)} ${l.unit} x ${price(l.unitPrice)}  [${l.logicalId}]`)),
    `  ${zero} more line${zero === 1 ? '' : 's'} at $0.00 under this load; ${estimate.free.length} resources free of charge (--json lists every line and why).`,
    estimate.unpriced.length
      ? `  UNPRICED, not in the total: ${estimate.unpriced.map((u) => `${u.logicalId} (${u.resourceType}: ${u.reason})`).join('; ')}`
      : '  Unpriced: none.',
  ].join('\n');
}

/** Several stages' totals, one row each, with the largest line of each. */
export function formatTotals(rows: ReadonlyArray<{ title: string; estimate: CostEstimate }>, width = 100): string {
  const table = [
    ['stage', '$/month', 'unpriced', 'largest line'],
    ...rows.map(({ title, estimate }) => {
      const top = estimate.lines[0];
      return [title, dollars(estimate.total), String(estimate.unpriced.length), top ? `${dollars(top.amount)} ${top.service}: ${top.billed}` : '-'];
    }),
  ];
  return columns(table, [1, 2]).map((s) => (s.length > width ? `${s.slice(0, width - 1)}…` : s)).join('\n');
}
