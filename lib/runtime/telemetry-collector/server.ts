/**
 * The collector's HTTP server, built from injected dependencies so tests run it against
 * the in-memory store or a fake one.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StoreKind } from './config';
import { deviceRoutes } from './device-routes';
import { healthRoutes } from './health-routes';
import { HttpError, sendError } from './http-helpers';
import { matchRoute, splitRequestTarget, type Route } from './http-router';
import { jsonLogger, type LogFields, type Logger } from './logger';
import { telemetryRoutes } from './telemetry-routes';
import { StorageUnavailableError, type TelemetryStore } from './telemetry-store';

export interface CollectorDeps {
  store: TelemetryStore;
  /** Reported by `/health`. */
  storeKind: StoreKind;
  logger?: Logger;
  /** The clock records are validated against and windows end at; tests fix it. */
  now?: () => Date;
  /** How long health checks wait for the store; defaults to 1 s. */
  healthPingTimeoutMs?: number;
  /** How long `close()` lets in-flight requests finish before cutting connections; defaults to 10 s. */
  shutdownGraceMs?: number;
}

export interface CollectorServer {
  /** Starts listening; resolves with the bound address (use port 0 for any free port). */
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stops accepting and lets in-flight requests finish. Does not close the store. */
  close(): Promise<void>;
}

/** Seconds a device should wait before resending after a 503. */
export const RETRY_AFTER_SECONDS = 5;

export function createServer(deps: CollectorDeps): CollectorServer {
  const logger = deps.logger ?? jsonLogger;
  const now = deps.now ?? (() => new Date());
  const routes: Route[] = [
    ...healthRoutes({ storeKind: deps.storeKind, store: deps.store, pingTimeoutMs: deps.healthPingTimeoutMs ?? 1000 }),
    ...telemetryRoutes({ store: deps.store, now }),
    ...deviceRoutes({ store: deps.store, now }),
  ];

  const server = http.createServer((req, res) => {
    const started = performance.now();
    const { path } = splitRequestTarget(req.url ?? '/');
    const logFields: LogFields = {};
    res.on('close', () => {
      logger.info('http.request', { method: req.method, path, status: res.statusCode, ms: elapsedMs(started), ...logFields });
    });
    dispatch(routes, req, res, logFields).catch((error: unknown) => answerFailure(res, error, logger, { method: req.method, path }));
  });

  // The ALB reuses idle connections to targets for its idle timeout (60 s by default); a
  // target that closes them first (Node's default is 5 s) makes the ALB answer 502 now and then.
  server.keepAliveTimeout = 310_000;

  return {
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      }),
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = setTimeout(() => server.closeAllConnections(), deps.shutdownGraceMs ?? 10_000);
      await closed;
      clearTimeout(deadline);
    },
  };
}

async function dispatch(routes: readonly Route[], req: http.IncomingMessage, res: http.ServerResponse, logFields: LogFields): Promise<void> {
  try {
    const target = req.url ?? '/';
    if (!target.startsWith('/')) throw new HttpError(400, 'request target must be a path');
    const { path, query } = splitRequestTarget(target);
    const match = matchRoute(routes, req.method ?? 'GET', path);
    if (match.kind === 'not-found') throw new HttpError(404, 'not found');
    if (match.kind === 'wrong-method') {
      throw new HttpError(405, `method ${req.method} is not allowed here; use ${match.allowed.join(' or ')}`, { Allow: match.allowed.join(', ') });
    }
    await match.route.handle({ req, res, path, query, params: match.params, logFields });
  } catch (error) {
    if (!(error instanceof HttpError) || res.headersSent) throw error;
    sendError(res, error);
  }
}

/**
 * The answer to anything a route threw that is not an HttpError: 503 for a storage
 * outage, otherwise a logged 500 that reveals nothing about the cause.
 */
function answerFailure(res: http.ServerResponse, error: unknown, logger: Logger, fields: LogFields): void {
  if (error instanceof StorageUnavailableError && !res.headersSent) {
    // Expected during an outage and already visible in health checks: no stack per request.
    const cause = error.cause instanceof Error ? error.cause.message : String(error.cause);
    logger.warn('http.storage_unavailable', { ...fields, errorMessage: cause });
    sendError(res, new HttpError(503, 'storage is unavailable; try again shortly', { 'Retry-After': String(RETRY_AFTER_SECONDS) }));
    return;
  }
  logger.error('http.handler_failed', error, fields);
  if (res.headersSent) res.destroy();
  else sendError(res, new HttpError(500, 'internal server error'));
}

function elapsedMs(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
