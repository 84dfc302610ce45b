import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** A fresh database in the run's PostgreSQL server, dropped by `drop()`. */
export interface TestDatabase {
  /** Connection string of the new database. */
  readonly url: string;
  drop(): Promise<void>;
}

/** Creates an empty database, so each test file starts from nothing and files can run in parallel. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_POSTGRES_URL;
  if (!serverUrl) {
    throw new Error('TEST_POSTGRES_URL is not set: run the tests through jest (test/global-setup.ts starts PostgreSQL)');
  }
  const name = `t_${randomUUID().replace(/-/g, '')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = serverUrl.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
