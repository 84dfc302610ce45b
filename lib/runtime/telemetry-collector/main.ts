/**
 * Process entry point (bundled by esbuild, started by systemd): reads the config, opens the
 * store, serves, and shuts down cleanly on SIGTERM.
 */
import { jsonLogger as logger, log } from '../shared/json-logger';
import { exitOnUncaughtErrors, SHUTDOWN_GRACE_MS, stopOnSignals } from '../shared/process-lifecycle';
import { retryInBackground } from '../shared/retry-in-background';
import { ConfigError, loadConfig } from './config';
import { openStore } from './open-store';
import { createServer } from './server';

const SCHEMA_RETRY_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const store = await openStore(config, logger);
  if (store.ensureSchema) {
    retryInBackground({
      run: () => store.ensureSchema!(),
      readyEvent: 'storage.schema_ready',
      failedEvent: 'storage.schema_failed',
      retryMs: SCHEMA_RETRY_MS,
      logger,
    });
  }
  const app = createServer({ store, storeKind: config.store.kind, logger, shutdownGraceMs: SHUTDOWN_GRACE_MS });
  const address = await app.listen(config.port, config.host);
  logger.info('app.started', { address: address.address, port: address.port, store: config.store.kind });

  stopOnSignals({ logger, closeInOrder: [app, store] });
}

exitOnUncaughtErrors(logger);

main().catch((error: unknown) => {
  // A bad setting is the operator's to fix: one line naming the valid values, no stack.
  if (error instanceof ConfigError) log.error('config.invalid', { errorMessage: error.message });
  else logger.error('app.start_failed', error);
  process.exit(1);
});
