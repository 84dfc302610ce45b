import { CostEstimate } from '../../lib/cost/cost-line';
import { LOAD_PROFILES } from '../../lib/cost/load-profile';
import { stageCost } from '../../lib/cost/stage-cost';
import { STUDIES } from '../../lib/workshop/studies';
import { StageSnapshot } from '../../lib/workshop/synth/stage-snapshot';
import { sharedStore } from '../workshop/cli-io';

/** One stage under one load: its snapshot (the deployment the load implies) and its estimate. */
export interface PricedStageRow {
  readonly study: string;
  readonly stage: number;
  readonly load: string;
  readonly snapshot: StageSnapshot;
  readonly estimate: CostEstimate;
}

/** Every stage of both studies under every load profile, from the shared stage cache. */
export function everyStageEstimate(): PricedStageRow[] {
  return Object.values(LOAD_PROFILES).flatMap((profile) =>
    STUDIES.flatMap((study) =>
      study.stages.map((st) => {
        const snapshot = sharedStore.get(study, st.id, profile.deployment);
        return { study: study.contextKey, stage: st.id, load: profile.name, snapshot, estimate: stageCost(snapshot, profile) };
      }),
    ),
  );
}

/** One stage's estimate under a load. */
export function estimateOf(study: string, stage: number, load: string): CostEstimate {
  const info = STUDIES.find((s) => s.contextKey === study)!;
  const profile = LOAD_PROFILES[load];
  return stageCost(sharedStore.get(info, stage, profile.deployment), profile);
}
