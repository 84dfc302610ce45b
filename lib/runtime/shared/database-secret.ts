/**
 * Database credentials from the Secrets Manager secret CDK generates for an RDS instance, an
 * Aurora cluster or a DocumentDB cluster.
 */
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** The fields of the generated secret the apps use (it holds more; they are ignored). */
export interface DatabaseCredentials {
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly port: number;
  /** The default database, when the secret names one and `dbname` is not 'ignore'. */
  readonly dbname?: string;
}

/**
 * What to make of the secret's "dbname", which only some secrets hold (Aurora's when created
 * with a default database; not RDS for Oracle's, not DocumentDB's).
 * - `ignore`: never read.
 * - `optional`: kept when it is a non-empty string, left out otherwise.
 * - `checked`: kept when present; a present one that is not a non-empty string is refused.
 */
export type DbnameField = 'ignore' | 'optional' | 'checked';

/** Reads and validates the secret; an error never includes the secret's value. */
export async function readDatabaseCredentials(
  secretArn: string,
  client: Pick<SecretsManagerClient, 'send'>,
  dbname: DbnameField = 'optional',
): Promise<DatabaseCredentials> {
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
  if (!SecretString) throw new Error(`secret ${secretArn} has no SecretString`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(SecretString);
  } catch {
    throw new Error(`secret ${secretArn} is not JSON`);
  }
  return parseCredentials(parsed, secretArn, dbname);
}

function parseCredentials(value: unknown, secretArn: string, dbnameField: DbnameField): DatabaseCredentials {
  const fields = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const { username, password, host, dbname } = fields;
  // The port is a number in CDK's secret but may be a string in hand-made ones.
  const port = typeof fields.port === 'string' && /^\d+$/.test(fields.port) ? Number(fields.port) : fields.port;
  if (!isNonEmptyString(username) || !isNonEmptyString(password) || !isNonEmptyString(host)) {
    throw new Error(`secret ${secretArn} must hold non-empty "username", "password" and "host" strings`);
  }
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`secret ${secretArn} must hold "port" as an integer from 1 to 65535`);
  }
  if (dbnameField === 'checked' && dbname !== undefined && !isNonEmptyString(dbname)) {
    throw new Error(`secret ${secretArn} must hold "dbname" as a non-empty string when it has one`);
  }
  return { username, password, host, port, ...(dbnameField !== 'ignore' && isNonEmptyString(dbname) ? { dbname } : {}) };
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
