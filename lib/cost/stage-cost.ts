import { CostEstimate } from './cost-line';
import { LOAD_PROFILES, LoadProfile } from './load-profile';
import { monthlyCost } from './monthly-cost';
import { CfnTemplate } from './template-facts';

/** What {@link stageCost} needs of a synthesized stage (a workshop StageSnapshot has it all). */
export interface PricedStage {
  readonly study: string;
  readonly stage: number;
  readonly template: CfnTemplate;
  /** Construct paths by logical ID. */
  readonly resources?: Readonly<Record<string, { readonly path: string }>>;
}

/** Region of the stacks: the context's `region`, us-east-1 by cdk.json; the only one priced today. */
const REGION = 'us-east-1';

/**
 * The monthly estimate of one synthesized stage under a load profile. The caller synthesizes the
 * deployment the load implies (`profile.deployment`): the talk's load on the talk's deployment.
 */
export function stageCost(stage: PricedStage, load: LoadProfile | string): CostEstimate {
  const profile = typeof load !== 'string' ? load : Object.hasOwn(LOAD_PROFILES, load) ? LOAD_PROFILES[load] : undefined;
  if (!profile) throw new Error(`Unknown load profile '${String(load)}'`);
  const paths = Object.fromEntries(Object.entries(stage.resources ?? {}).map(([id, r]) => [id, r.path]));
  return monthlyCost(stage.template, profile, { region: REGION, study: stage.study, stage: stage.stage, paths });
}
