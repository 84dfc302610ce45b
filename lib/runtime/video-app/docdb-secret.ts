/**
 * DocumentDB credentials from Secrets Manager, and the connection URI built from them.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** The fields of the secret CDK's `docdb.DatabaseCluster` generates (it holds more; they are ignored). */
export interface DocDbCredentials {
  username: string;
  password: string;
  host: string;
  port: number;
}

/** Reads and validates the secret; the error never includes the secret's value. */
export async function loadDocDbCredentials(secretArn: string, client: SecretsManagerClient): Promise<DocDbCredentials> {
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

function parseCredentials(value: unknown, secretArn: string): DocDbCredentials {
  const fields = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const { username, password, host } = fields;
  // The port is a number in CDK's secret but a string in hand-made ones.
  const port = typeof fields.port === 'string' && /^\d+$/.test(fields.port) ? Number(fields.port) : fields.port;
  if (typeof username !== 'string' || !username || typeof password !== 'string' || !password || typeof host !== 'string' || !host) {
    throw new Error(`secret ${secretArn} must hold non-empty "username", "password" and "host" strings`);
  }
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`secret ${secretArn} must hold "port" as an integer from 1 to 65535`);
  }
  return { username, password, host, port };
}

/**
 * A mongodb:// URI for the cluster endpoint. DocumentDB clusters are replica set `rs0`;
 * they reject retryable writes; reads go to replicas when there are any.
 */
export function docDbConnectionUri(credentials: DocDbCredentials): string {
  const user = encodeURIComponent(credentials.username);
  const password = encodeURIComponent(credentials.password);
  const query = new URLSearchParams({
    tls: 'true',
    replicaSet: 'rs0',
    readPreference: 'secondaryPreferred',
    retryWrites: 'false',
  });
  return `mongodb://${user}:${password}@${credentials.host}:${credentials.port}/?${query.toString()}`;
}
