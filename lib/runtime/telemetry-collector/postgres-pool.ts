/**
 * The `pg` connection pool for a DatabaseSource: as given by DATABASE_URL (local runs and
 * tests), or from the Secrets Manager secret with TLS verified against the RDS CA bundle.
 */
import { readFileSync } from 'node:fs';
import { Pool, type PoolConfig } from 'pg';
import type { DatabaseCredentials } from '../shared/database-secret';
import type { Logger } from '../shared/json-logger';
import { DEFAULT_DATABASE_NAME, type DatabaseSource } from './config';

/** Sized for one collector process; Aurora's max_connections is shared by the whole fleet. */
const POOL_LIMITS: PoolConfig = {
  max: 10,
  // A request waits at most this long for a connection before it fails (and the API answers 503).
  connectionTimeoutMillis: 5_000,
  idleTimeoutMillis: 30_000,
  statement_timeout: 10_000,
  query_timeout: 15_000,
  keepAlive: true,
  application_name: 'telemetry-collector',
};

export interface PostgresPool {
  pool: Pool;
  /** Makes the next connection re-read the secret (after the server rejected the password). */
  forgetCredentials(): void;
}

/** Opens a pool; with a secret source, rejects when the secret cannot be read. Nothing connects until first use. */
export async function openPostgresPool(
  source: DatabaseSource,
  readCredentials: () => Promise<DatabaseCredentials>,
  logger: Logger,
): Promise<PostgresPool> {
  let forgetCredentials = (): void => {};
  let config: PoolConfig;
  if (source.kind === 'url') {
    config = { ...POOL_LIMITS, connectionString: source.url };
  } else {
    let credentials = readCredentials();
    const { host, port, username, dbname } = await credentials;
    forgetCredentials = () => {
      credentials = readCredentials();
      credentials.catch(() => {}); // reported by the connection that awaits it
    };
    config = {
      ...postgresTlsConfig(source.caFile, host, port, username),
      database: source.databaseName ?? dbname ?? DEFAULT_DATABASE_NAME,
      // pg calls this for every new connection, so a rotated password is picked up without a restart.
      password: async () => {
        try {
          return (await credentials).password;
        } catch (error) {
          forgetCredentials(); // a failed read is retried by the next connection, not cached
          throw error;
        }
      },
    };
  }
  const pool = new Pool(config);
  // Without a listener, an idle connection the server drops (failover, restart) would crash the process.
  pool.on('error', (error) => logger.warn('postgres.idle_connection_error', { errorMessage: error.message }));
  return { pool, forgetCredentials };
}

/** Pool settings for an RDS/Aurora endpoint: TLS only, certificate and host name verified. */
function postgresTlsConfig(caFile: string, host: string, port: number, user: string): PoolConfig {
  return { ...POOL_LIMITS, host, port, user, ssl: { ca: readFileSync(caFile, 'utf8'), rejectUnauthorized: true } };
}
