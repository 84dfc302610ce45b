/**
 * The collector's settings, read once from environment variables and validated, so a
 * misconfigured instance fails at start with a one-line message instead of on its first request.
 */

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
  const kind = parseStoreKind(setting(env, 'STORE'));
  const store = storeConfig(kind, env);
  const region = setting(env, 'AWS_REGION');
  const usesAws = (store.kind !== 'memory' && store.database.kind === 'secret') || store.kind === 'dynamodb+postgres';
  if (usesAws && !region) throw new ConfigError(`AWS_REGION must be set when STORE is ${kind}`);
  return {
    port: parseInteger(env, 'PORT', 8080, 1, 65535),
    // The in-memory store means a developer machine: stay off the network unless asked.
    host: setting(env, 'HOST') ?? (kind === 'memory' ? '127.0.0.1' : '0.0.0.0'),
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
      const tableName = setting(env, 'TABLE_NAME');
      if (!tableName) throw new ConfigError('TABLE_NAME (the DynamoDB real-time table) must be set when STORE is dynamodb+postgres');
      return { kind, database: databaseSource(env, kind), tableName, hotWindowDays: parseInteger(env, 'HOT_WINDOW_DAYS', 7, 1, 365) };
    }
  }
}

function databaseSource(env: NodeJS.ProcessEnv, kind: StoreKind): DatabaseSource {
  const secretArn = setting(env, 'DATABASE_SECRET_ARN');
  const url = setting(env, 'DATABASE_URL');
  if (secretArn && url) throw new ConfigError('set either DATABASE_SECRET_ARN or DATABASE_URL, not both');
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL');
    return { kind: 'url', url };
  }
  if (!secretArn) throw new ConfigError(`DATABASE_SECRET_ARN (or, for PostgreSQL, DATABASE_URL) must be set when STORE is ${kind}`);
  return { kind: 'secret', secretArn, caFile: setting(env, 'DB_CA_FILE') ?? DEFAULT_DB_CA_FILE, databaseName: setting(env, 'DATABASE_NAME') };
}

/** A trimmed setting; empty counts as unset so `KEY=` in a unit file means "use the default". */
function setting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function parseStoreKind(value: string | undefined): StoreKind {
  if (value === undefined) return 'memory';
  if ((STORE_KINDS as readonly string[]).includes(value)) return value as StoreKind;
  throw new ConfigError(`STORE must be one of ${STORE_KINDS.join(', ')} (got ${JSON.stringify(value)})`);
}

function parseInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const value = setting(env, name);
  if (value === undefined) return fallback;
  const parsed = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(value)})`);
  }
  return parsed;
}
