/**
 * The collector's settings, read once from environment variables and validated, so a
 * misconfigured instance fails at start with a one-line message instead of on its first request.
 */
import { choiceEnv, integerEnv, optionalEnv } from '../shared/env';

export const STORE_KINDS = ['memory', 'oracle', 'postgres', 'dynamodb+postgres'] as const;

/** Which storage the instance writes to: one per stage of the case study. */
export type StoreKind = (typeof STORE_KINDS)[number];

/** How the collector reaches its relational database. */
export type DatabaseSource =
  /** Deployed: credentials from Secrets Manager; PostgreSQL connections use TLS verified against `caFile`. */
  | { kind: 'secret'; secretArn: string; caFile: string; databaseName: string | undefined }
  /** Local runs and tests (PostgreSQL only): a postgres:// URL, used as given. */
  | { kind: 'url'; url: string };

export type StoreConfig =
  | { kind: 'memory' }
  | { kind: 'oracle'; database: Extract<DatabaseSource, { kind: 'secret' }> }
  | { kind: 'postgres'; database: DatabaseSource }
  | { kind: 'dynamodb+postgres'; database: DatabaseSource; tableName: string; hotWindowDays: number };

export interface CollectorConfig {
  port: number;
  host: string;
  store: StoreConfig;
  /** AWS_REGION; set whenever the store uses an AWS API (Secrets Manager, DynamoDB). */
  region: string | undefined;
}

export const DEFAULT_DB_CA_FILE = '/opt/telemetry-collector/global-bundle.pem';
/** The database (PostgreSQL) or service name (Oracle) when neither DATABASE_NAME nor the secret's `dbname` names one. */
export const DEFAULT_DATABASE_NAME = 'telemetry';

/** A bad setting; its message is one line that names the valid values. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses `env` (normally `process.env`); throws ConfigError on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv): CollectorConfig {
  const kind = choiceEnv('STORE', STORE_KINDS, 'memory', env, ConfigError);
  const store = storeConfig(kind, env);
  const region = optionalEnv('AWS_REGION', env);
  const usesAws = (store.kind !== 'memory' && store.database.kind === 'secret') || store.kind === 'dynamodb+postgres';
  if (usesAws && !region) throw new ConfigError(`AWS_REGION must be set when STORE is ${kind}`);
  return {
    port: integerEnv('PORT', { fallback: 8080, min: 1, max: 65535 }, env, ConfigError),
    // The in-memory store means a developer machine: stay off the network unless asked.
    host: optionalEnv('HOST', env) ?? (kind === 'memory' ? '127.0.0.1' : '0.0.0.0'),
    store,
    region,
  };
}

function storeConfig(kind: StoreKind, env: NodeJS.ProcessEnv): StoreConfig {
  switch (kind) {
    case 'memory':
      return { kind };
    case 'oracle': {
      const database = databaseSource(env, kind);
      if (database.kind !== 'secret') throw new ConfigError('DATABASE_URL is for PostgreSQL only; STORE=oracle needs DATABASE_SECRET_ARN');
      return { kind, database };
    }
    case 'postgres':
      return { kind, database: databaseSource(env, kind) };
    case 'dynamodb+postgres': {
      const tableName = optionalEnv('TABLE_NAME', env);
      if (!tableName) throw new ConfigError('TABLE_NAME (the DynamoDB real-time table) must be set when STORE is dynamodb+postgres');
      return { kind, database: databaseSource(env, kind), tableName, hotWindowDays: integerEnv('HOT_WINDOW_DAYS', { fallback: 7, min: 1, max: 365 }, env, ConfigError) };
    }
  }
}

function databaseSource(env: NodeJS.ProcessEnv, kind: StoreKind): DatabaseSource {
  const secretArn = optionalEnv('DATABASE_SECRET_ARN', env);
  const url = optionalEnv('DATABASE_URL', env);
  if (secretArn && url) throw new ConfigError('set either DATABASE_SECRET_ARN or DATABASE_URL, not both');
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL');
    return { kind: 'url', url };
  }
  if (!secretArn) throw new ConfigError(`DATABASE_SECRET_ARN (or, for PostgreSQL, DATABASE_URL) must be set when STORE is ${kind}`);
  return { kind: 'secret', secretArn, caFile: optionalEnv('DB_CA_FILE', env) ?? DEFAULT_DB_CA_FILE, databaseName: optionalEnv('DATABASE_NAME', env) };
}
