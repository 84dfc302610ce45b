import { PILLAR_LABEL, PILLARS, Pillar } from './framework/pillars';
import { PillarScore, Scorecard } from './scorecard';

/** A score as a table cell: the number, or `-` when the pillar had nothing to evaluate. */
export function scoreCell(score: number | null): string {
  return score === null ? '-' : String(score);
}

/**
 * A pillar's score as a table cell, marked `?` when a rule behind the pillar could not decide on a
 * resource: the number leaves out evidence that exists, so it must not read as settled.
 */
export function markedScoreCell(pillar: PillarScore): string {
  return `${scoreCell(pillar.score)}${pillar.undecided > 0 ? '?' : ''}`;
}

/** Compliance as a table cell: a percentage, so it never reads as a second score. */
export function complianceCell(compliance: number | null): string {
  return compliance === null ? '-' : `${compliance}%`;
}

/** Coverage as a table cell: best practices evaluated on the stack, of the pillar's total in the framework. */
export function coverageCell(pillar: PillarScore): string {
  return `${pillar.coverage.evaluated}/${pillar.coverage.framework}`;
}

/** Columns two spaces apart: the first left-aligned, the others right-aligned unless listed in `left`. */
export function formatColumns(header: readonly string[], rows: readonly (readonly string[])[], left: readonly number[] = []): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 || left.includes(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** How many findings of a stack are open, accepted, and undecided (their rule threw). */
export interface FindingTally {
  readonly open: number;
  readonly accepted: number;
  readonly undecided: number;
}

/** The findings of a scorecard, as every table counts them. */
export function findingTally(card: Scorecard): FindingTally {
  return { open: card.findings.open, accepted: card.findings.accepted, undecided: card.undecided.length };
}

/** One scored stack (or stage) of a pillar table. */
export interface PillarTableRow {
  /** What the row is: a stack, a stage. */
  readonly label: string;
  readonly pillars: Record<Pillar, PillarScore>;
  readonly findings: FindingTally;
  /** Cells after the findings on the row's first line, one per extra header. */
  readonly extra?: readonly string[];
}

/** Labels of a row's second and third lines, and of the table's last line. */
export const COMPLIANCE_LABEL = '  compliance';
export const COVERAGE_LABEL = '  evaluated/framework';
export const EVALUABLE_LABEL = 'packs can evaluate';

/**
 * The scores of several stacks, three lines each so a score never stands without what qualifies it:
 * the score (best practices met, marked `?` where a rule could not decide), the compliance of the
 * resources behind it, and how many best practices were evaluated of the framework's; the findings
 * open, accepted and undecided beside them; then one line with how many best practices the packs can
 * evaluate at all. Labels up to 25 characters keep it within 100 columns.
 */
export function formatPillarTable(firstHeader: string, rows: readonly PillarTableRow[], extraHeaders: readonly string[] = []): string {
  const blanks = extraHeaders.map(() => '');
  const lines = rows.flatMap((r) => [
    [r.label, ...PILLARS.map((p) => markedScoreCell(r.pillars[p])), `${r.findings.open} open`, ...(r.extra ?? blanks)],
    [COMPLIANCE_LABEL, ...PILLARS.map((p) => complianceCell(r.pillars[p].compliance)), `${r.findings.accepted} accepted`, ...blanks],
    [COVERAGE_LABEL, ...PILLARS.map((p) => coverageCell(r.pillars[p])), `${r.findings.undecided} undecided`, ...blanks],
  ]);
  const any = rows[0]?.pillars;
  if (any) lines.push([EVALUABLE_LABEL, ...PILLARS.map((p) => `${any[p].coverage.evaluable}/${any[p].coverage.framework}`), '', ...blanks]);
  return formatColumns([firstHeader, ...PILLARS.map((p) => PILLAR_LABEL[p]), 'findings', ...extraHeaders], lines, [PILLARS.length + 1]);
}

/** What the numbers of a pillar table mean, for the lines under it. */
export const PILLAR_TABLE_LEGEND = [
  'score: best practices met, risk-weighted (as the Well-Architected Tool counts)',
  'compliance: compliant rule-resource evaluations, risk-weighted (as AWS Config)',
  'evaluated/framework: best practices evaluated, of the pillar\'s total',
].join('\n');

/** What `?` after a score means, for tables that show one. */
export const UNDECIDED_LEGEND = '?: a rule behind the score could not decide on a resource (undecided)';

/** Undecided lines are cut to this width, the narrowest a table here is read at. */
const LINE_CHARS = 100;

const cut = (line: string) => (line.length <= LINE_CHARS ? line : `${line.slice(0, LINE_CHARS - 3)}...`);

/**
 * The rule-resource pairs whose rule threw, two lines each (which rule on which resource, then the
 * start of its error), so the evidence a score leaves out is never silently dropped.
 */
export function formatUndecided(cards: readonly Scorecard[], label: (card: Scorecard) => string = (card) => card.stack): string[] {
  return cards.flatMap((card) =>
    card.undecided.flatMap((u) => {
      const resource = u.resource.startsWith(`${card.stack}/`) ? u.resource.slice(card.stack.length + 1) : u.resource;
      return [cut(`undecided in ${label(card)}: ${u.rule}${u.finding ? `[${u.finding}]` : ''} on ${resource}`), cut(`  ${u.error.split('\n')[0]}`)];
    }),
  );
}

/**
 * Acknowledgements no finding used any more, one line each: after a flaw is fixed, its
 * acknowledgement must go, or it would accept the flaw again unseen.
 */
export function formatStaleAcknowledgements(cards: readonly Scorecard[], label: (card: Scorecard) => string = (card) => card.stack): string[] {
  return cards.flatMap((card) =>
    (card.staleAcknowledgements ?? []).flatMap((a) => {
      const scope = a.scope.startsWith(`${card.stack}/`) ? a.scope.slice(card.stack.length + 1) : a.scope;
      return [cut(`stale acknowledgement in ${label(card)}: ${a.id} on ${scope}`), '  matches no finding any more: remove it, or it accepts the flaw unseen if it returns'];
    }),
  );
}

/** One stack a row: its six pillars with compliance and coverage, and its open, accepted and undecided findings. */
export function formatScorecardTable(scorecards: readonly Scorecard[]): string {
  const rows = scorecards.map((card) => ({
    label: card.study ? `${card.stack} (${card.study} ${card.stage})` : card.stack,
    pillars: card.pillars,
    findings: findingTally(card),
  }));
  const undecided = formatUndecided(scorecards);
  const legend = undecided.length > 0 ? [PILLAR_TABLE_LEGEND, UNDECIDED_LEGEND] : [PILLAR_TABLE_LEGEND];
  return [formatPillarTable('Well-Architected scorecard', rows), ...legend, ...undecided, ...formatStaleAcknowledgements(scorecards)].join('\n');
}
