import { CostLine } from '../cost-line';
import { ResourceUsage } from '../load-profile';
import { grouped } from '../numbers';
import { amountFor, findPriceRow, PriceBook, unitPrice } from '../price-book';
import { CfnResource, CfnTemplate } from '../template-facts';

/** What every pricer is given: the whole template (to follow references), the prices and the load. */
export interface PricingContext {
  readonly template: CfnTemplate;
  readonly book: PriceBook;
  readonly hours: number;
  /** The load profile's usage of a resource (empty: idle). */
  usage(logicalId: string): ResourceUsage;
}

/** A priced line before the caller adds which resource it belongs to. */
export type PricedLine = Omit<CostLine, 'logicalId' | 'path' | 'resourceType'>;

/** What a pricer says of a resource: its lines, or that this configuration costs nothing, and why. */
export type PricerResult = readonly PricedLine[] | { readonly free: string };

/** Prices one resource of a type; throws {@link Unpriceable} for a configuration it cannot price. */
export type Pricer = (logicalId: string, resource: CfnResource, context: PricingContext) => PricerResult;

/** A configuration a pricer recognizes but has no price for: the resource is listed as unpriced. */
export class Unpriceable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'Unpriceable';
  }
}

/** One line at a price-book row; a price the book lacks makes the resource unpriced, not free. */
export function line(context: PricingContext, service: string, billed: string, priceKey: string, quantity: number, basis: string): PricedLine {
  const row = findPriceRow(context.book, priceKey);
  if (!row) throw new Unpriceable(`no ${context.book.region} price for ${billed} (${priceKey})`);
  return { service, billed, quantity, unit: row.unit, priceKey, unitPrice: unitPrice(row), amount: amountFor(row, quantity), basis };
}

/** Where a usage quantity comes from, for a line's basis. */
export function usageBasis(usage: ResourceUsage, what: string): string {
  return usage.why ? `load profile: ${what} (${usage.why})` : `load profile: ${what}`;
}

/** A quantity of the load profile's usage, 0 when the profile does not use the resource. */
export function used(usage: ResourceUsage, key: string): number {
  return usage.quantities[key] ?? 0;
}

/** `1,234,567` for a line's basis. */
export function count(n: number): string {
  return grouped(n);
}
