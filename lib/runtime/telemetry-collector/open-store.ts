/**
 * Builds the configured store from its real dependencies: the one place that knows which
 * stage uses which adapter.
 */
import { existsSync } from 'node:fs';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { readDatabaseCredentials, type DatabaseCredentials } from '../shared/database-secret';
import type { Logger } from '../shared/json-logger';
import { DEFAULT_DATABASE_NAME, type CollectorConfig, type DatabaseSource } from './config';
import { openDynamoDbStore } from './dynamodb-store';
import { FanOutStore } from './fan-out-store';
import { MemoryStore } from './memory-store';
import { openOracleStore } from './oracle-store';
import { openPostgresPool } from './postgres-pool';
import { PostgresStore } from './postgres-store';
import type { TelemetryStore } from './telemetry-store';

/** Rejects when a secret cannot be read or the CA bundle is missing; never waits for the database itself. */
export async function openStore(config: CollectorConfig, logger: Logger): Promise<TelemetryStore> {
  const { store } = config;
  switch (store.kind) {
    case 'memory':
      return new MemoryStore();
    case 'oracle': {
      // Plain TCP: thin mode cannot use Oracle's native network encryption, and TLS needs the
      // instance's SSL option on its own port (see README).
      const credentials = await secretReader(store.database.secretArn, config.region)();
      return openOracleStore({
        user: credentials.username,
        password: credentials.password,
        host: credentials.host,
        port: credentials.port,
        serviceName: store.database.databaseName ?? credentials.dbname ?? DEFAULT_DATABASE_NAME,
      });
    }
    case 'postgres':
      return openPostgresStore(store.database, config.region, logger);
    case 'dynamodb+postgres': {
      const realtime = openDynamoDbStore({ region: config.region, tableName: store.tableName, hotWindowDays: store.hotWindowDays });
      return new FanOutStore(realtime, await openPostgresStore(store.database, config.region, logger));
    }
  }
}

async function openPostgresStore(source: DatabaseSource, region: string | undefined, logger: Logger): Promise<PostgresStore> {
  if (source.kind === 'secret' && !existsSync(source.caFile)) {
    throw new Error(`DB_CA_FILE ${source.caFile} does not exist; Aurora connections use TLS verified against the RDS CA bundle`);
  }
  const readCredentials =
    source.kind === 'secret' ? secretReader(source.secretArn, region) : () => Promise.reject(new Error('DATABASE_URL carries its own credentials'));
  const { pool, forgetCredentials } = await openPostgresPool(source, readCredentials, logger);
  return new PostgresStore(pool, forgetCredentials, logger);
}

function secretReader(secretArn: string, region: string | undefined): () => Promise<DatabaseCredentials> {
  // Time limits, so an unreachable Secrets Manager fails the start (or a re-read) instead of hanging it.
  const secrets = new SecretsManagerClient({ region, requestHandler: { connectionTimeout: 2_000, requestTimeout: 5_000 } });
  return () => readDatabaseCredentials(secretArn, secrets, 'optional');
}
