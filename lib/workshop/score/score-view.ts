import { Pillar } from '../../checks/framework/pillars';
import { PillarScore } from '../../checks/scorecard';
import { findingTally, formatPillarTable, formatUndecided, PILLAR_TABLE_LEGEND, UNDECIDED_LEGEND } from '../../checks/scorecard-table';
import { DeploymentVariant, StageSnapshot } from '../synth/stage-snapshot';

/** One row of `wa-stages score`. */
export interface ScoreRow {
  readonly study: string;
  readonly stage: number;
  readonly slug: string;
  readonly deployment: DeploymentVariant;
  readonly pillars: Record<Pillar, PillarScore>;
  /** Findings (rule × resource) neither fixed nor acknowledged, as the scorecard and `npm run check` count them. */
  readonly open: number;
  /** Findings acknowledged with a reason. */
  readonly accepted: number;
  /** Rule-resource pairs whose rule could not decide (it threw): no evidence either way. */
  readonly undecided: number;
}

/** A stage's scores and finding counts: every finding of both packs, as the scorecard counts them. */
export function scoreRow(snapshot: StageSnapshot): ScoreRow {
  const { open, accepted, undecided } = findingTally(snapshot.scorecard);
  return {
    study: snapshot.study,
    stage: snapshot.stage,
    slug: snapshot.slug,
    deployment: snapshot.variant,
    pillars: snapshot.scorecard.pillars,
    open,
    accepted,
    undecided,
  };
}

const labelOf = (s: { study: string; stage: number; slug: string }) => `${s.study} ${s.stage} ${s.slug}`;

/** The stages as a table: three lines a stage (score, compliance, coverage) and the findings; the legend; what could not be decided. */
export function formatScoreTable(rows: readonly ScoreRow[], snapshots: readonly StageSnapshot[] = []): string {
  const table = formatPillarTable(
    'stage',
    rows.map((r) => ({ label: labelOf(r), pillars: r.pillars, findings: r })),
  );
  const undecided = snapshots.flatMap((s) => formatUndecided([s.scorecard], () => labelOf(s)));
  return [table, PILLAR_TABLE_LEGEND, ...(undecided.length > 0 ? [UNDECIDED_LEGEND] : []), ...undecided].join('\n');
}
