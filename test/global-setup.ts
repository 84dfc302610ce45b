import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TEMPLATE_CACHE_ENV } from './support/synth-stage';
import { startPostgres } from './support/postgres-server';

/**
 * Starts one PostgreSQL server for the whole run; test files each create their own database in it.
 * Creates the run's template cache, where test files share the stages they synthesize.
 */
export default async function globalSetup(): Promise<void> {
  const templates = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-test-templates-'));
  process.env[TEMPLATE_CACHE_ENV] = templates;
  (globalThis as { __templates?: string }).__templates = templates;
  if (process.env.TEST_POSTGRES_URL) {
    return; // a server the developer already runs
  }
  const server = await startPostgres();
  process.env.TEST_POSTGRES_URL = server.url;
  (globalThis as { __postgres?: { stop(): void } }).__postgres = server;
}
