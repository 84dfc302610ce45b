/** Stops the PostgreSQL server the global setup started. */
export default async function globalTeardown(): Promise<void> {
  (globalThis as { __postgres?: { stop(): void } }).__postgres?.stop();
}
