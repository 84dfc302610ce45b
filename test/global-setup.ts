import { startPostgres } from './support/postgres-server';

/** Starts one PostgreSQL server for the whole run; test files each create their own database in it. */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_POSTGRES_URL) {
    return; // a server the developer already runs
  }
  const server = await startPostgres();
  process.env.TEST_POSTGRES_URL = server.url;
  (globalThis as { __postgres?: { stop(): void } }).__postgres = server;
}
