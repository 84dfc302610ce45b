/**
 * DocumentDB credentials from Secrets Manager, and the connection URI built from them.
 */
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { readDatabaseCredentials, type DatabaseCredentials } from '../shared/database-secret';

/** The fields of the secret CDK's `docdb.DatabaseCluster` generates that the app uses. */
export type DocDbCredentials = Omit<DatabaseCredentials, 'dbname'>;

/** Reads and validates the secret; the error never includes the secret's value. */
export function loadDocDbCredentials(secretArn: string, client: SecretsManagerClient): Promise<DocDbCredentials> {
  // The app names its database itself (DOCDB_DATABASE).
  return readDatabaseCredentials(secretArn, client, 'ignore');
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
