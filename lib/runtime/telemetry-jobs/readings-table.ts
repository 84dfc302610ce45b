import type { ClientBase } from 'pg';

/** What the export's statements need: one connection (the run's lock and transactions live on it). */
export type Database = Pick<ClientBase, 'query'>;

/** Quotes a table name the export made or found by its own naming rules. */
export function tableIdentifier(name: string): string {
  if (!/^readings_[a-z0-9_]{1,54}$/.test(name)) throw new Error(`unexpected table name '${name}'`);
  return `"${name}"`;
}

/** Runs `work` in a transaction on the run's connection; any failure rolls it back and is rethrown. */
export async function inTransaction<T>(db: Database, work: () => Promise<T>): Promise<T> {
  await db.query('BEGIN');
  try {
    const result = await work();
    await db.query('COMMIT');
    return result;
  } catch (error) {
    // A broken connection rolls back by itself; the error worth reporting is the first one.
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
