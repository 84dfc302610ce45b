import usEast1 from './prices/us-east-1.json';

/** One tier of a tiered price: `usd` per unit up to `upTo` units a month (the last tier has none). */
export interface PriceTier {
  readonly upTo?: number;
  readonly usd: number;
}

/** One pinned on-demand list price, with where and when it was read. */
export interface PriceRow {
  readonly key: string;
  /** USD per unit; absent when the price is tiered. */
  readonly usd?: number | null;
  readonly tiers?: readonly PriceTier[];
  readonly unit: string;
  /** What is billed, in AWS's words. */
  readonly what: string;
  /** The AWS pricing page the price comes from. */
  readonly source: string;
  /** The date it was read (YYYY-MM-DD). */
  readonly read: string;
  /** Whether a search confirmed it, and how; or why it could not be. */
  readonly note: string;
}

/** Every price of one region. */
export interface PriceBook {
  readonly region: string;
  readonly currency: string;
  readonly read: string;
  readonly prices: readonly PriceRow[];
}

/** The regions priced, one pinned file each (lib/cost/prices/<region>.json). */
export const PRICE_BOOKS: Readonly<Record<string, PriceBook>> = { 'us-east-1': usEast1 as PriceBook };

/** The price book of a region; an error naming the priced regions otherwise. */
export function priceBook(region: string): PriceBook {
  const book = Object.hasOwn(PRICE_BOOKS, region) ? PRICE_BOOKS[region] : undefined;
  if (!book) throw new Error(`No prices for region '${region}'. Priced regions: ${Object.keys(PRICE_BOOKS).join(', ')}.`);
  return book;
}

const indexes = new WeakMap<PriceBook, Map<string, PriceRow>>();

/** A row of the book by key, if the book has it. */
export function findPriceRow(book: PriceBook, key: string): PriceRow | undefined {
  let index = indexes.get(book);
  if (!index) {
    index = new Map(book.prices.map((row) => [row.key, row]));
    indexes.set(book, index);
  }
  return index.get(key);
}

/** A row of the book by key; an error when the book lacks it. */
export function priceRow(book: PriceBook, key: string): PriceRow {
  const row = findPriceRow(book, key);
  if (!row) throw new Error(`Price '${key}' is not in the ${book.region} price book`);
  return row;
}

/** What `quantity` units cost at a row's price, walking its tiers when it has them. */
export function amountFor(row: PriceRow, quantity: number): number {
  if (!row.tiers) return quantity * (row.usd ?? 0);
  let left = quantity;
  let floor = 0;
  let total = 0;
  for (const tier of row.tiers) {
    const width = tier.upTo === undefined ? left : Math.min(left, tier.upTo - floor);
    total += width * tier.usd;
    left -= width;
    floor = tier.upTo ?? floor;
    if (left <= 0) break;
  }
  return total;
}

/** The price of the first unit (the first tier's price when tiered): what a table shows as the unit price. */
export function unitPrice(row: PriceRow): number {
  return row.tiers ? row.tiers[0].usd : (row.usd ?? 0);
}
