import * as fs from 'node:fs';

/** Stops the PostgreSQL server the global setup started and removes the run's template cache. */
export default async function globalTeardown(): Promise<void> {
  (globalThis as { __postgres?: { stop(): void } }).__postgres?.stop();
  const templates = (globalThis as { __templates?: string }).__templates;
  if (templates) fs.rmSync(templates, { recursive: true, force: true });
}
