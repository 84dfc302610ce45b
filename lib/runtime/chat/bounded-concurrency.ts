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

/**
 * A gate that lets at most `limit` tasks run at once, whoever starts them: the fan-out worker shares
 * one between the jobs of a batch, so posts in flight stay bounded however many jobs arrive together.
 */
export function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter, so `running` never exceeds the limit.
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
