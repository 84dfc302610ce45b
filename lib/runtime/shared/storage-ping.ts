/** What a health check needs from a store. */
export interface Pingable {
  /** Resolves when the backing database answers; rejects otherwise. */
  ping(): Promise<void>;
}

/**
 * Whether the store answers within `timeoutMs`. Health checks report the database with it but
 * answer 200 either way: an ALB that pulled every instance over a database outage would turn
 * a partial outage into a full one.
 */
export async function answersWithin(store: Pingable, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([store.ping().then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
