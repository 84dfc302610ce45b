import { CostEstimate } from './cost-line';
import { dollars } from './format-cost';
import { LOAD_PROFILES } from './load-profile';
import { PricedStage, stageCost } from './stage-cost';

/** One stage's estimates under both loads, for the README's table. */
export interface CostTableRow {
  readonly stage: string;
  readonly workshop: CostEstimate;
  readonly talk: CostEstimate;
}

function largest(e: CostEstimate): string {
  const top = e.lines[0];
  return top && top.amount > 0 ? `${top.service}: ${top.billed} (${dollars(top.amount)})` : '-';
}

/** The README's "Costs, and cleaning up" table: each stage's monthly bill under both loads, and its largest line. */
export function costTableMarkdown(rows: readonly CostTableRow[]): string {
  return [
    '| stage | idle floor (`--load workshop`) | its largest line | talk load (`--load talk`) | its largest line |',
    '|---|---:|---|---:|---|',
    ...rows.map((r) => `| ${r.stage} | ${dollars(r.workshop.total)} | ${largest(r.workshop)} | ${dollars(r.talk.total)} | ${largest(r.talk)} |`),
  ].join('\n');
}

/** What the table needs of the case studies: their context keys and stages. */
export interface TableStudy {
  readonly contextKey: string;
  readonly stages: ReadonlyArray<{ readonly id: number; readonly slug: string }>;
}

/** Every stage of the studies under both loads; `synthesized` gives a stage for a deployment (the stage cache). */
export function costTableRows(
  studies: readonly TableStudy[],
  synthesized: (study: TableStudy, stage: number, deployment: 'workshop' | 'talk') => PricedStage,
): CostTableRow[] {
  const { workshop, talk } = LOAD_PROFILES;
  return studies.flatMap((study) =>
    study.stages.map((st) => ({
      stage: `${study.contextKey} ${st.id} ${st.slug}`,
      workshop: stageCost(synthesized(study, st.id, workshop.deployment), workshop),
      talk: stageCost(synthesized(study, st.id, talk.deployment), talk),
    })),
  );
}
