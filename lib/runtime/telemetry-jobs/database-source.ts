import { optionalSetting } from './env-settings';

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
  const secretArn = optionalSetting(env, 'DATABASE_SECRET_ARN');
  const url = optionalSetting(env, 'DATABASE_URL');
  if (secretArn && url) throw new Error('set DATABASE_SECRET_ARN or DATABASE_URL, not both');
  if (secretArn) return { kind: 'secret', secretArn, caFile: optionalSetting(env, 'DB_CA_FILE') ?? DEFAULT_DB_CA_FILE };
  if (url) return { kind: 'url', url };
  throw new Error('DATABASE_SECRET_ARN (or DATABASE_URL for local runs) must be set');
}
