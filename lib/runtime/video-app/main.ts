/**
 * Process entry point (bundled by esbuild, started by systemd): reads the config, wires
 * the real dependencies, serves, and shuts down cleanly on SIGTERM.
 */
import { existsSync } from 'node:fs';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { jsonLogger as logger } from '../shared/json-logger';
import { exitOnUncaughtErrors, SHUTDOWN_GRACE_MS, stopOnSignals } from '../shared/process-lifecycle';
import { retryInBackground } from '../shared/retry-in-background';
import { loadConfig, type AppConfig } from './config';
import { loadDocDbCredentials } from './docdb-secret';
import { openDocumentDbStore } from './documentdb-store';
import { LocalMediaLinks, S3MediaLinks, type MediaLinks } from './media-links';
import { MemoryStore } from './memory-store';
import { createServer } from './server';
import type { AppStore } from './storage';

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

  stopOnSignals({ logger, closeInOrder: [app, store] });
}

async function openStore(config: AppConfig): Promise<AppStore> {
  if (config.storage.kind === 'memory') return new MemoryStore();
  const { secretArn, caFile, database } = config.storage;
  if (!existsSync(caFile)) throw new Error(`DOCDB_CA_FILE ${caFile} does not exist; DocumentDB requires TLS with the RDS CA bundle`);
  const secrets = new SecretsManagerClient({ region: config.region });
  const store = await openDocumentDbStore({ readCredentials: () => loadDocDbCredentials(secretArn, secrets), caFile, database, logger });
  retryInBackground({
    run: () => store.ensureIndexes(),
    readyEvent: 'storage.indexes_ready',
    failedEvent: 'storage.indexes_failed',
    retryMs: INDEX_RETRY_MS,
    logger,
  });
  return store;
}

function mediaLinks(config: AppConfig): MediaLinks {
  if (config.media.kind === 's3') return new S3MediaLinks(new S3Client({ region: config.region }), config.media.bucket);
  if (!existsSync(config.media.dir)) logger.warn('media.dir_missing', { dir: config.media.dir });
  return new LocalMediaLinks(config.media.dir);
}

exitOnUncaughtErrors(logger);

main().catch((error: unknown) => {
  logger.error('app.start_failed', error);
  process.exit(1);
});
