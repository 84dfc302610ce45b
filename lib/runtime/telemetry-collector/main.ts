/**
 * Process entry point (bundled by esbuild, started by systemd): reads the config, opens the
 * store, serves, and shuts down cleanly on SIGTERM.
 */
import { ConfigError, loadConfig } from './config';
import { jsonLogger as logger } from './logger';
import { openStore } from './open-store';
import { createServer } from './server';
import type { TelemetryStore } from './telemetry-store';

/** systemd's default TimeoutStopSec is 90 s; finish well inside it. */
const SHUTDOWN_GRACE_MS = 10_000;
const SCHEMA_RETRY_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const store = await openStore(config, logger);
  ensureSchemaInBackground(store);
  const app = createServer({ store, storeKind: config.store.kind, logger, shutdownGraceMs: SHUTDOWN_GRACE_MS });
  const address = await app.listen(config.port, config.host);
  logger.info('app.started', { address: address.address, port: address.port, store: config.store.kind });

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

/** Retried in the background: the collector must come up (and pass health checks) while the database is unreachable. */
function ensureSchemaInBackground(store: TelemetryStore): void {
  if (!store.ensureSchema) return;
  const attempt = (): void => {
    store.ensureSchema!().then(
      () => logger.info('storage.schema_ready'),
      (error: unknown) => {
        logger.error('storage.schema_failed', error, { retryInSeconds: SCHEMA_RETRY_MS / 1000 });
        setTimeout(attempt, SCHEMA_RETRY_MS).unref();
      },
    );
  };
  attempt();
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
  // A bad setting is the operator's to fix: one line naming the valid values, no stack.
  if (error instanceof ConfigError) console.error(JSON.stringify({ level: 'error', event: 'config.invalid', errorMessage: error.message }));
  else logger.error('app.start_failed', error);
  process.exit(1);
});
