/**
 * Runs `task` for every item with at most `limit` tasks in flight, and resolves with
 * the results in input order. `task` is expected to handle its own errors: the first
 * rejection rejects the whole run (remaining in-flight tasks still settle).
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  const results = new Array<R>(items.length);
  let next = 0;
  // Each worker pulls the next index; JS is single-threaded, so `next++` is race-free.
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
