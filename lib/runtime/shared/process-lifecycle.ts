/**
 * How a long-running process under systemd ends: cleanly on SIGTERM or SIGINT within a grace
 * period, and at once (exit 1, logged) on anything thrown that nothing caught.
 */
import type { Logger } from './json-logger';

/**
 * How long in-flight work may take to finish on stop; the process is forced out 5 s later.
 * systemd's default TimeoutStopSec is 90 s; finish well inside it.
 */
export const SHUTDOWN_GRACE_MS = 10_000;

export interface StopOptions {
  logger: Logger;
  /** Closed one after the other: the server first, then what it serves from (the store). */
  closeInOrder: ReadonlyArray<{ close(): Promise<void> }>;
}

/** On the first SIGTERM or SIGINT: closes everything in order, then exits 0 (1 when that fails or overruns). */
export function stopOnSignals({ logger, closeInOrder }: StopOptions): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info('app.stopping', { signal });
    const forced = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS + 5000);
    forced.unref();
    void (async () => {
      for (const closable of closeInOrder) await closable.close();
      logger.info('app.stopped');
      process.exit(0);
    })().catch((error: unknown) => {
      logger.error('app.stop_failed', error);
      process.exit(1);
    });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/**
 * An uncaught exception or unhandled rejection leaves the process in an unknown state: log it
 * and exit 1 for systemd to restart.
 */
export function exitOnUncaughtErrors(logger: Logger): void {
  process.on('uncaughtException', (error) => {
    logger.error('app.uncaught_exception', error);
    process.exit(1);
  });
  process.on('unhandledRejection', (reason) => {
    logger.error('app.unhandled_rejection', reason);
    process.exit(1);
  });
}
