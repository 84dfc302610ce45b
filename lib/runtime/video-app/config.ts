/**
 * The app's settings, read once from environment variables and validated, so a
 * misconfigured instance fails at start with a message instead of on its first request.
 */
import * as path from 'node:path';

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
  const bucket = setting(env, 'MEDIA_BUCKET');
  const secretArn = setting(env, 'DOCDB_SECRET_ARN');
  const region = setting(env, 'AWS_REGION');
  if ((bucket || secretArn) && !region) {
    throw new Error('AWS_REGION must be set when MEDIA_BUCKET or DOCDB_SECRET_ARN is set');
  }
  // Nothing in AWS configured means a developer machine: stay off the network by default.
  const runsLocally = !bucket && !secretArn;

  return {
    role: parseRole(setting(env, 'APP_ROLE')),
    port: parseInteger(env, 'PORT', 8080, 1, 65535),
    host: setting(env, 'HOST') ?? (runsLocally ? '127.0.0.1' : '0.0.0.0'),
    media: bucket
      ? { kind: 's3', bucket }
      : { kind: 'local', dir: path.resolve(setting(env, 'MEDIA_DIR') ?? './media') },
    storage: secretArn
      ? {
          kind: 'documentdb',
          secretArn,
          caFile: setting(env, 'DOCDB_CA_FILE') ?? DEFAULT_DOCDB_CA_FILE,
          database: setting(env, 'DOCDB_DATABASE') ?? DEFAULT_DOCDB_DATABASE,
        }
      : { kind: 'memory' },
    region,
    chatHistoryLimit: parseInteger(env, 'CHAT_HISTORY_LIMIT', 50, 1, 1000),
    maxMessageBytes: parseInteger(env, 'MAX_MESSAGE_BYTES', 2048, 1, 65536),
    chatPollMs: parseInteger(env, 'CHAT_POLL_MS', 1000, 100, 60_000),
  };
}

/** A trimmed setting; empty counts as unset so `KEY=` in a unit file means "use the default". */
function setting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function parseRole(value: string | undefined): AppRole {
  if (value === undefined) return 'all';
  if ((APP_ROLES as readonly string[]).includes(value)) return value as AppRole;
  throw new Error(`APP_ROLE must be one of ${APP_ROLES.join(', ')} (got ${JSON.stringify(value)})`);
}

function parseInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const value = setting(env, name);
  if (value === undefined) return fallback;
  const parsed = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(value)})`);
  }
  return parsed;
}
