import { optionalEnv } from '../shared/env';

/**
 * Where the export job finds Aurora: a Secrets Manager secret in AWS (TLS verified against the
 * RDS CA bundle baked into the image), or a plain connection string for tests and local runs.
 */
export type DatabaseSource =
  | { readonly kind: 'secret'; readonly secretArn: string; readonly caFile: string }
  | { readonly kind: 'url'; readonly url: string };

export const DEFAULT_DB_CA_FILE = '/app/global-bundle.pem';

/** Reads `DATABASE_SECRET_ARN` (+ `DB_CA_FILE`) or `DATABASE_URL`; exactly one of the two. */
export function loadDatabaseSource(env: NodeJS.ProcessEnv): DatabaseSource {
  const secretArn = optionalEnv('DATABASE_SECRET_ARN', env);
  const url = optionalEnv('DATABASE_URL', env);
  if (secretArn && url) throw new Error('set DATABASE_SECRET_ARN or DATABASE_URL, not both');
  if (secretArn) return { kind: 'secret', secretArn, caFile: optionalEnv('DB_CA_FILE', env) ?? DEFAULT_DB_CA_FILE };
  if (url) return { kind: 'url', url };
  throw new Error('DATABASE_SECRET_ARN (or DATABASE_URL for local runs) must be set');
}
