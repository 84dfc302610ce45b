import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** The fields of the secret CDK generates for an Aurora cluster (it holds more; they are ignored). */
export interface DatabaseCredentials {
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly port: number;
  /** Absent when the cluster was created without a default database. */
  readonly dbname?: string;
}

/** Reads and validates the secret; no error message ever includes the secret's value. */
export async function loadDatabaseCredentials(secretArn: string, client: SecretsManagerClient): Promise<DatabaseCredentials> {
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
  if (!SecretString) throw new Error(`secret ${secretArn} has no SecretString`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(SecretString);
  } catch {
    throw new Error(`secret ${secretArn} is not JSON`);
  }
  return parseCredentials(parsed, secretArn);
}

function parseCredentials(value: unknown, secretArn: string): DatabaseCredentials {
  const fields = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const { username, password, host, dbname } = fields;
  // The port is a number in CDK's secret but often a string in hand-made ones.
  const port = typeof fields.port === 'string' && /^\d+$/.test(fields.port) ? Number(fields.port) : fields.port;
  if (!isNonEmptyString(username) || !isNonEmptyString(password) || !isNonEmptyString(host)) {
    throw new Error(`secret ${secretArn} must hold non-empty "username", "password" and "host" strings`);
  }
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`secret ${secretArn} must hold "port" as an integer from 1 to 65535`);
  }
  if (dbname !== undefined && !isNonEmptyString(dbname)) {
    throw new Error(`secret ${secretArn} must hold "dbname" as a non-empty string when it has one`);
  }
  return { username, password, host, port, ...(dbname ? { dbname } : {}) };
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
