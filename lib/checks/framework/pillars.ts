/** The six pillars, in the order the framework presents them; the keys scorecards use. */
export const PILLARS = [
  'operationalExcellence',
  'security',
  'reliability',
  'performanceEfficiency',
  'costOptimization',
  'sustainability',
] as const;

export type Pillar = (typeof PILLARS)[number];

/** The best-practice id prefix of each pillar (`REL10-BP01` is reliability's). */
export const PILLAR_PREFIX: Record<Pillar, string> = {
  operationalExcellence: 'OPS',
  security: 'SEC',
  reliability: 'REL',
  performanceEfficiency: 'PERF',
  costOptimization: 'COST',
  sustainability: 'SUS',
};

/** Short labels for tables: the best-practice prefixes, which is how practitioners abbreviate the pillars. */
export const PILLAR_LABEL: Record<Pillar, string> = PILLAR_PREFIX;

/** The risk a best practice carries when it is not established, as the framework rates it. */
export type Risk = 'HIGH' | 'MEDIUM' | 'LOW';

/** How much a best practice weighs in its pillar's score: the framework's risk, high counting three times low. */
export const RISK_WEIGHT: Record<Risk, number> = { HIGH: 3, MEDIUM: 2, LOW: 1 };

/** Reads a pillar key back from a best-practice id (`SEC08-BP02` → `security`). */
export function pillarOf(bestPracticeId: string): Pillar | undefined {
  const prefix = bestPracticeId.replace(/\d.*$/, '');
  return PILLARS.find((p) => PILLAR_PREFIX[p] === prefix);
}
