/**
 * What a resource is for, declared by the architect as tags, because no template property says it.
 * Rules read these alongside the resources' own properties; they never read which stage or case study
 * a resource belongs to.
 */
export const DECLARED_TAGS = {
  /** The workload components a fleet serves, `+`-separated: `video+chat`. */
  component: 'wa:component',
  /** Which of those components are batch work (reports, analysis), `+`-separated: `analyse`. */
  batch: 'wa:batch',
  /** `scheduled-events` when demand peaks at times known in advance (ticketed live events). */
  demand: 'wa:demand',
} as const;

/** The `wa:demand` value of fleets whose peaks are scheduled events. */
export const SCHEDULED_EVENTS_DEMAND = 'scheduled-events';
