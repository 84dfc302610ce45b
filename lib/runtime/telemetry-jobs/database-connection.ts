import { readFileSync } from 'node:fs';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { Client, type ClientConfig } from 'pg';
import { readDatabaseCredentials } from '../shared/database-secret';
import type { DatabaseSource } from './database-source';

/** The database Aurora's secret names when it names none: the one every PostgreSQL cluster has. */
const DEFAULT_DATABASE = 'postgres';

/**
 * The `pg` settings for a source. A secret means Aurora in AWS: TLS is required and the server's
 * certificate is verified against the RDS CA bundle, so a wrong endpoint fails instead of leaking
 * the password.
 */
export async function databaseClientConfig(
  source: DatabaseSource,
  applicationName: string,
  secretsManager: SecretsManagerClient,
): Promise<ClientConfig> {
  if (source.kind === 'url') return { connectionString: source.url, application_name: applicationName };
  const ca = readCaBundle(source.caFile);
  const credentials = await readDatabaseCredentials(source.secretArn, secretsManager, 'checked');
  return {
    host: credentials.host,
    port: credentials.port,
    user: credentials.username,
    password: credentials.password,
    database: credentials.dbname ?? DEFAULT_DATABASE,
    ssl: { ca, rejectUnauthorized: true },
    application_name: applicationName,
  };
}

/** Opens one connection; the export holds a session lock on it, so it must not be a pool. */
export async function connectDatabase(source: DatabaseSource, applicationName: string, region: string): Promise<Client> {
  const secretsManager = new SecretsManagerClient({ region });
  let config: ClientConfig;
  try {
    config = await databaseClientConfig(source, applicationName, secretsManager);
  } finally {
    secretsManager.destroy();
  }
  const client = new Client(config);
  await client.connect();
  return client;
}

function readCaBundle(caFile: string): string {
  try {
    return readFileSync(caFile, 'utf8');
  } catch (error) {
    throw new Error(`DB_CA_FILE ${caFile} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
