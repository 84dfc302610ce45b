import { PILLAR_LABEL, PILLARS, Pillar } from '../../checks/framework/pillars';
import { PillarScore } from '../../checks/scorecard';
import { formatColumns, scoreCell } from '../../checks/scorecard-table';
import { DeploymentVariant, StageSnapshot } from '../synth/stage-snapshot';

/** One row of `wa-stages score`. */
export interface ScoreRow {
  readonly study: string;
  readonly stage: number;
  readonly slug: string;
  readonly deployment: DeploymentVariant;
  readonly pillars: Record<Pillar, PillarScore>;
  /** Findings (rule × resource) neither fixed nor acknowledged. */
  readonly open: number;
  /** Findings acknowledged with a reason. */
  readonly accepted: number;
}

/** A stage's scores and finding counts; a finding behind several best practices counts once. */
export function scoreRow(snapshot: StageSnapshot): ScoreRow {
  const open = new Set<string>();
  const accepted = new Set<string>();
  for (const bp of snapshot.scorecard.bestPractices) {
    for (const e of bp.evidence) {
      const key = `${e.rule}|${e.finding ?? ''}|${e.resource}`;
      if (e.outcome === 'nonCompliant') open.add(key);
      if (e.outcome === 'acknowledged') accepted.add(key);
    }
  }
  return {
    study: snapshot.study,
    stage: snapshot.stage,
    slug: snapshot.slug,
    deployment: snapshot.variant,
    pillars: snapshot.scorecard.pillars,
    open: open.size,
    accepted: accepted.size,
  };
}

/** The rows as a table: one stage a line, the six pillars, then the findings. */
export function formatScoreTable(rows: readonly ScoreRow[]): string {
  return formatColumns(
    ['stage', ...PILLARS.map((p) => PILLAR_LABEL[p]), 'open', 'accepted'],
    rows.map((r) => [`${r.study} ${r.stage} ${r.slug}`, ...PILLARS.map((p) => scoreCell(r.pillars[p].score)), String(r.open), String(r.accepted)]),
  );
}
