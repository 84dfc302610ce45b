/**
 * Process entry point (bundled by esbuild, started by systemd): reads the config, wires
 * the real dependencies, serves, and shuts down cleanly on SIGTERM.
 */
import { existsSync } from 'node:fs';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { loadConfig, type AppConfig } from './config';
import { loadDocDbCredentials } from './docdb-secret';
import { openDocumentDbStore, type DocumentDbStore } from './documentdb-store';
import { jsonLogger as logger } from './logger';
import { LocalMediaLinks, S3MediaLinks, type MediaLinks } from './media-links';
import { MemoryStore } from './memory-store';
import { createServer } from './server';
import type { AppStore } from './storage';

/** systemd's default TimeoutStopSec is 90 s; finish well inside it. */
const SHUTDOWN_GRACE_MS = 10_000;
const INDEX_RETRY_MS = 30_000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const store = await openStore(config);
  const app = createServer({
    role: config.role,
    store,
    media: mediaLinks(config),
    localMediaDir: config.media.kind === 'local' ? config.media.dir : undefined,
    chatHistoryLimit: config.chatHistoryLimit,
    maxMessageBytes: config.maxMessageBytes,
    chatPollIntervalMs: config.chatPollMs,
    logger,
    shutdownGraceMs: SHUTDOWN_GRACE_MS,
  });
  const address = await app.listen(config.port, config.host);
  logger.info('app.started', {
    role: config.role,
    address: address.address,
    port: address.port,
    storage: config.storage.kind,
    media: config.media.kind === 's3' ? `s3://${config.media.bucket}` : config.media.dir,
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info('app.stopping', { signal });
    const forced = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS + 5000);
    forced.unref();
    void (async () => {
      await app.close();
      await store.close();
      logger.info('app.stopped');
      process.exit(0);
    })().catch((error: unknown) => {
      logger.error('app.stop_failed', error);
      process.exit(1);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

async function openStore(config: AppConfig): Promise<AppStore> {
  if (config.storage.kind === 'memory') return new MemoryStore();
  const { secretArn, caFile, database } = config.storage;
  if (!existsSync(caFile)) throw new Error(`DOCDB_CA_FILE ${caFile} does not exist; DocumentDB requires TLS with the RDS CA bundle`);
  const secrets = new SecretsManagerClient({ region: config.region });
  const store = await openDocumentDbStore({ readCredentials: () => loadDocDbCredentials(secretArn, secrets), caFile, database, logger });
  ensureIndexesInBackground(store);
  return store;
}

/** Retried in the background: the app must come up (and pass health checks) while the cluster is unreachable. */
function ensureIndexesInBackground(store: DocumentDbStore): void {
  const attempt = (): void => {
    store.ensureIndexes().then(
      () => logger.info('storage.indexes_ready'),
      (error: unknown) => {
        logger.error('storage.indexes_failed', error, { retryInSeconds: INDEX_RETRY_MS / 1000 });
        setTimeout(attempt, INDEX_RETRY_MS).unref();
      },
    );
  };
  attempt();
}

function mediaLinks(config: AppConfig): MediaLinks {
  if (config.media.kind === 's3') return new S3MediaLinks(new S3Client({ region: config.region }), config.media.bucket);
  if (!existsSync(config.media.dir)) logger.warn('media.dir_missing', { dir: config.media.dir });
  return new LocalMediaLinks(config.media.dir);
}

process.on('uncaughtException', (error) => {
  logger.error('app.uncaught_exception', error);
  process.exit(1);
});
process.on('unhandledRejection', (reason) => {
  logger.error('app.unhandled_rejection', reason);
  process.exit(1);
});

main().catch((error: unknown) => {
  logger.error('app.start_failed', error);
  process.exit(1);
});
