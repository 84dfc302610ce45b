import type { Logger } from './json-logger';

export interface BackgroundTask {
  /** Retried until it resolves. */
  run(): Promise<void>;
  /** Logged once it succeeds, e.g. `storage.schema_ready`. */
  readyEvent: string;
  /** Logged (with the error) after each failed attempt, e.g. `storage.schema_failed`. */
  failedEvent: string;
  retryMs: number;
  logger: Logger;
}

/**
 * Runs a start-up task (creating tables or indexes) without holding up the start: an app must
 * come up, and pass health checks, while its database is unreachable.
 */
export function retryInBackground({ run, readyEvent, failedEvent, retryMs, logger }: BackgroundTask): void {
  const attempt = (): void => {
    run().then(
      () => logger.info(readyEvent),
      (error: unknown) => {
        logger.error(failedEvent, error, { retryInSeconds: retryMs / 1000 });
        setTimeout(attempt, retryMs).unref();
      },
    );
  };
  attempt();
}
