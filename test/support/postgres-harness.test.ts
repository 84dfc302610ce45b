import { Client } from 'pg';
import { createTestDatabase } from './postgres-database';

test('the run has a PostgreSQL server, and each file gets its own database', async () => {
  const db = await createTestDatabase();
  const client = new Client({ connectionString: db.url });
  await client.connect();
  const { rows } = await client.query<{ version: string }>('SELECT version()');
  await client.end();
  await db.drop();
  expect(rows[0].version).toMatch(/^PostgreSQL \d+/);
});
