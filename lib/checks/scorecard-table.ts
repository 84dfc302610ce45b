import { PILLAR_LABEL, PILLARS } from './framework/pillars';
import { Scorecard } from './scorecard';

/** A score as a table cell: the number, or `-` when the pillar had nothing to evaluate. */
export function scoreCell(score: number | null): string {
  return score === null ? '-' : String(score);
}

/** Right-aligned columns after a left-aligned first one, two spaces apart. */
export function formatColumns(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** One row per stack: its six pillar scores, and how many findings are open or accepted. */
export function formatScorecardTable(scorecards: readonly Scorecard[]): string {
  const rows = scorecards.map((card) => {
    const label = card.study ? `${card.stack} (${card.study} ${card.stage} ${card.stageSlug})` : card.stack;
    return [label, ...PILLARS.map((p) => scoreCell(card.pillars[p].score)), String(card.findings.open), String(card.findings.accepted)];
  });
  return formatColumns(['Well-Architected scorecard', ...PILLARS.map((p) => PILLAR_LABEL[p]), 'open', 'accepted'], rows);
}
