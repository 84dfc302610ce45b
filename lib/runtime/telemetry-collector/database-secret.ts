/**
 * RDS / Aurora credentials from the Secrets Manager secret CDK generates for the instance or cluster.
 */
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** The fields of the generated secret the collector uses (it holds more; they are ignored). */
export interface DatabaseCredentials {
  username: string;
  password: string;
  host: string;
  port: number;
  /** Present when the database was created with a default database name. */
  dbname?: string;
}

/** Reads and validates the secret; an error never includes the secret's value. */
export async function readDatabaseCredentials(secretArn: string, client: Pick<SecretsManagerClient, 'send'>): Promise<DatabaseCredentials> {
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
  // The port is a number in CDK's secret but may be a string in hand-made ones.
  const port = typeof fields.port === 'string' && /^\d+$/.test(fields.port) ? Number(fields.port) : fields.port;
  if (typeof username !== 'string' || !username || typeof password !== 'string' || !password || typeof host !== 'string' || !host) {
    throw new Error(`secret ${secretArn} must hold non-empty "username", "password" and "host" strings`);
  }
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`secret ${secretArn} must hold "port" as an integer from 1 to 65535`);
  }
  const credentials: DatabaseCredentials = { username, password, host, port };
  if (typeof dbname === 'string' && dbname) credentials.dbname = dbname;
  return credentials;
}
