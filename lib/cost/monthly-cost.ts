import { CostEstimate, CostLine, FreeResource, UnpricedResource } from './cost-line';
import { FREE_TYPES } from './free-types';
import { LoadProfile, resourceUsage, StudyLoad } from './load-profile';
import { priceBook } from './price-book';
import { PRICERS } from './pricers';
import { PricingContext, Unpriceable } from './pricers/pricer';
import { CfnTemplate } from './template-facts';

/** Options of {@link monthlyCost}. */
export interface MonthlyCostOptions {
  /**
   * The Region whose prices apply.
   * @default 'us-east-1'
   */
  readonly region?: string;
  /**
   * Which study's section of the load profile applies (its usage is keyed by logical ID).
   * @default - none: every resource idle
   */
  readonly study?: string;
  /**
   * The stage, for the profile's per-stage entries.
   * @default - none
   */
  readonly stage?: number;
  /**
   * Construct paths by logical ID, to show beside each line.
   * @default - none
   */
  readonly paths?: Readonly<Record<string, string>>;
}

/**
 * The monthly bill of a synthesized template under a load profile: every resource is priced, free
 * (by the free list, with its reason) or listed as unpriced; nothing is silently free.
 */
export function monthlyCost(template: CfnTemplate, profile: LoadProfile, options: MonthlyCostOptions = {}): CostEstimate {
  const book = priceBook(options.region ?? 'us-east-1');
  const load: StudyLoad | undefined = options.study === undefined ? undefined : profile.studies[options.study];
  const context: PricingContext = { template, book, hours: profile.hoursPerMonth, usage: (id) => resourceUsage(load, id, options.stage) };
  const lines: CostLine[] = [];
  const free: FreeResource[] = [];
  const unpriced: UnpricedResource[] = [];
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    const where = { logicalId, ...(options.paths?.[logicalId] ? { path: options.paths[logicalId] } : {}), resourceType: resource.Type };
    const pricer = PRICERS[resource.Type];
    if (!pricer) {
      const reason = FREE_TYPES.get(resource.Type);
      if (reason) free.push({ ...where, reason });
      else unpriced.push({ ...where, reason: 'the model has no price for this resource type' });
      continue;
    }
    try {
      const result = pricer(logicalId, resource, context);
      if ('free' in result) free.push({ ...where, reason: result.free });
      else for (const l of result) lines.push({ ...where, ...l });
    } catch (error) {
      if (!(error instanceof Unpriceable)) throw error;
      unpriced.push({ ...where, reason: error.message });
    }
  }
  lines.sort((a, b) => b.amount - a.amount);
  const total = lines.reduce((sum, l) => sum + l.amount, 0);
  return { region: book.region, currency: 'USD', load: profile.name, hoursPerMonth: profile.hoursPerMonth, total, lines, free, unpriced };
}
