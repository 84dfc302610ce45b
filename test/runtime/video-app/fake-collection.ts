/**
 * A stand-in for a MongoDB collection that records what the store sends, and a matcher
 * for the few filter operators the store uses, to check what a filter selects.
 */
import type { CollectionPort, FindOptions } from '../../../lib/runtime/video-app/documentdb-store';

/** Records every call and answers from canned documents, like a MongoDB collection would. */
export class FakeCollection<T extends { _id: string }> implements CollectionPort<T> {
  readonly inserted: T[] = [];
  readonly finds: Array<{ filter: unknown; options: FindOptions<T> }> = [];
  readonly findOnes: unknown[] = [];
  readonly indexes: unknown[] = [];

  constructor(private readonly results: T[] = []) {}

  async insertOne(document: T): Promise<unknown> {
    this.inserted.push(structuredClone(document));
    return { acknowledged: true, insertedId: document._id };
  }

  async findOne(filter: { _id: string }): Promise<T | null> {
    this.findOnes.push(filter);
    return this.results.find((document) => document._id === filter._id) ?? null;
  }

  find(filter: unknown, options: FindOptions<T>): { toArray(): Promise<T[]> } {
    this.finds.push({ filter, options });
    return { toArray: async () => this.results.map((document) => structuredClone(document)) };
  }

  async createIndex(keys: unknown): Promise<unknown> {
    this.indexes.push(keys);
    return 'index';
  }
}

/** Whether `document` matches `filter`, for equality, `$gt`, `$gte` and `$or` on Dates and strings. */
export function matchesFilter(document: Record<string, unknown>, filter: object): boolean {
  return Object.entries(filter).every(([field, condition]) => {
    if (field === '$or') return (condition as object[]).some((branch) => matchesFilter(document, branch));
    const value = document[field];
    if (condition instanceof Date || typeof condition !== 'object' || condition === null) return compare(value, condition) === 0;
    return Object.entries(condition).every(([operator, operand]) => {
      if (operator === '$gt') return compare(value, operand) > 0;
      if (operator === '$gte') return compare(value, operand) >= 0;
      throw new Error(`matchesFilter does not support ${operator}`);
    });
  });
}

function compare(a: unknown, b: unknown): number {
  const [x, y] = [a instanceof Date ? a.getTime() : a, b instanceof Date ? b.getTime() : b] as Array<string | number>;
  return x < y ? -1 : x > y ? 1 : 0;
}
