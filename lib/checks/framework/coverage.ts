import { allBestPractices, BestPractice } from './best-practices';
import { classificationOf, PracticeClassification, TemplateVisibility } from './bp-classification';
import { Pillar, PILLARS } from './pillars';
import { allRuleMappings } from './rule-mapping';

/** How far the packs reach into one pillar of the framework. */
export interface PillarCoverage {
  readonly pillar: Pillar;
  /** Best practices of the pillar in the pinned framework. */
  readonly total: number;
  /** Best practices per classification. */
  readonly classified: Record<TemplateVisibility, number>;
  /** `template` practices with at least one rule mapped to them. */
  readonly templateWithRule: number;
  /** `partial` practices with at least one rule mapped to them. */
  readonly partialWithRule: number;
  /** `template` and `partial` practices no rule gives evidence for: the pack's open backlog. */
  readonly backlog: readonly (BestPractice & { readonly classification: PracticeClassification })[];
}

/** Rule ids per best practice, from the hand-reviewed mapping. */
export function rulesByBestPractice(): Map<string, string[]> {
  const rules = new Map<string, string[]>();
  for (const [rule, row] of Object.entries(allRuleMappings())) {
    for (const { bp } of row.bestPractices) rules.set(bp, [...(rules.get(bp) ?? []), rule]);
  }
  return rules;
}

/** Per pillar: classified counts, how many checkable practices have a rule, and which do not. */
export function frameworkCoverage(): PillarCoverage[] {
  const rules = rulesByBestPractice();
  return PILLARS.map((pillar) => {
    const practices = allBestPractices().filter((bp) => bp.pillar === pillar);
    const classified: Record<TemplateVisibility, number> = { template: 0, partial: 0, review: 0 };
    let templateWithRule = 0;
    let partialWithRule = 0;
    const backlog: PillarCoverage['backlog'][number][] = [];
    for (const bp of practices) {
      const classification = classificationOf(bp.id);
      classified[classification.class] += 1;
      if (classification.class === 'review') continue;
      const hasRule = (rules.get(bp.id) ?? []).length > 0;
      if (hasRule && classification.class === 'template') templateWithRule += 1;
      if (hasRule && classification.class === 'partial') partialWithRule += 1;
      if (!hasRule) backlog.push({ ...bp, classification });
    }
    return { pillar, total: practices.length, classified, templateWithRule, partialWithRule, backlog };
  });
}
