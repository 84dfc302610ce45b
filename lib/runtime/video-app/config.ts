/**
 * The app's settings, read once from environment variables and validated, so a
 * misconfigured instance fails at start with a message instead of on its first request.
 */
import * as path from 'node:path';
import { choiceEnv, integerEnv, optionalEnv } from '../shared/env';

export const APP_ROLES = ['all', 'video', 'chat'] as const;

/** Which pool this process serves: the monolith (`all`) or one half of the split. */
export type AppRole = (typeof APP_ROLES)[number];

/** Where video assets live: an S3 bucket (deployed) or a folder the app serves itself (local runs). */
export type MediaSource = { kind: 's3'; bucket: string } | { kind: 'local'; dir: string };

/** Where the catalog and chat history live. */
export type StorageSource =
  | { kind: 'documentdb'; secretArn: string; caFile: string; database: string }
  | { kind: 'memory' };

export interface AppConfig {
  role: AppRole;
  port: number;
  host: string;
  media: MediaSource;
  storage: StorageSource;
  /** AWS_REGION; required as soon as any AWS service is used. */
  region: string | undefined;
  /** Most chat messages `GET /chat/history` returns. */
  chatHistoryLimit: number;
  /** Largest chat message `data`, in UTF-8 bytes. */
  maxMessageBytes: number;
  /** How often each instance polls the chat log for messages other instances stored. */
  chatPollMs: number;
}

export const DEFAULT_DOCDB_CA_FILE = '/opt/video-app/global-bundle.pem';
export const DEFAULT_DOCDB_DATABASE = 'videoapp';

/** Parses `env` (normally `process.env`); throws an Error with a one-line message on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const bucket = optionalEnv('MEDIA_BUCKET', env);
  const secretArn = optionalEnv('DOCDB_SECRET_ARN', env);
  const region = optionalEnv('AWS_REGION', env);
  if ((bucket || secretArn) && !region) {
    throw new Error('AWS_REGION must be set when MEDIA_BUCKET or DOCDB_SECRET_ARN is set');
  }
  // Nothing in AWS configured means a developer machine: stay off the network by default.
  const runsLocally = !bucket && !secretArn;

  return {
    role: choiceEnv('APP_ROLE', APP_ROLES, 'all', env),
    port: integerEnv('PORT', { fallback: 8080, min: 1, max: 65535 }, env),
    host: optionalEnv('HOST', env) ?? (runsLocally ? '127.0.0.1' : '0.0.0.0'),
    media: bucket
      ? { kind: 's3', bucket }
      : { kind: 'local', dir: path.resolve(optionalEnv('MEDIA_DIR', env) ?? './media') },
    storage: secretArn
      ? {
          kind: 'documentdb',
          secretArn,
          caFile: optionalEnv('DOCDB_CA_FILE', env) ?? DEFAULT_DOCDB_CA_FILE,
          database: optionalEnv('DOCDB_DATABASE', env) ?? DEFAULT_DOCDB_DATABASE,
        }
      : { kind: 'memory' },
    region,
    chatHistoryLimit: integerEnv('CHAT_HISTORY_LIMIT', { fallback: 50, min: 1, max: 1000 }, env),
    maxMessageBytes: integerEnv('MAX_MESSAGE_BYTES', { fallback: 2048, min: 1, max: 65536 }, env),
    chatPollMs: integerEnv('CHAT_POLL_MS', { fallback: 1000, min: 100, max: 60_000 }, env),
  };
}
