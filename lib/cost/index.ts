// The cost model's public surface: what the workshop's views (diff, show, report, npm run check) wire in.
export type { CostEstimate, CostLine, FreeResource, UnpricedResource } from './cost-line';
export type { CostDelta, ResourceDelta, ServiceDelta } from './cost-delta';
export { costDelta } from './cost-delta';
export { dollars, formatCostChange, formatEstimate, formatTotals } from './format-cost';
export type { LoadProfile } from './load-profile';
export { LOAD_NAMES, LOAD_PROFILES } from './load-profile';
export type { MonthlyCostOptions } from './monthly-cost';
export { monthlyCost } from './monthly-cost';
export type { PriceBook, PriceRow } from './price-book';
export { PRICE_BOOKS } from './price-book';
export type { PricedStage } from './stage-cost';
export { stageCost } from './stage-cost';
