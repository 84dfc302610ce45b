/**
 * The HTTP server around a route table: one log line per request, `{"error": ...}` answers for
 * everything that goes wrong, and a close that lets in-flight requests finish.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { HttpError, sendError } from './http-helpers';
import { matchRoute, splitRequestTarget, type Route } from './http-router';
import type { LogFields, Logger } from './json-logger';
import { StorageUnavailableError } from './storage-unavailable';

export interface HttpServerOptions {
  routes: readonly Route[];
  logger: Logger;
  /** How long `close()` lets in-flight requests finish before cutting connections. */
  shutdownGraceMs: number;
  /** The 404 message for a path no route matches; "not found" when unset. */
  notFoundMessage?(path: string): string;
  /** Handles protocol upgrades (WebSocket); without it, no `upgrade` listener is installed. */
  upgrade?(req: http.IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Runs in `close()` once the server stopped accepting, before in-flight requests are awaited. */
  closing?(): Promise<void>;
}

export interface HttpServer {
  /** Starts listening; resolves with the bound address (use port 0 for any free port). */
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stops accepting and lets in-flight requests finish. Does not close the store. */
  close(): Promise<void>;
}

/** Seconds a client should wait before retrying after a 503. */
export const RETRY_AFTER_SECONDS = 5;

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { routes, logger } = options;
  const server = http.createServer((req, res) => {
    const started = performance.now();
    const { path } = splitRequestTarget(req.url ?? '/');
    const logFields: LogFields = {};
    res.on('close', () => {
      logger.info('http.request', { method: req.method, path, status: res.statusCode, ms: elapsedMs(started), ...logFields });
    });
    dispatch(routes, req, res, logFields, options.notFoundMessage).catch((error: unknown) =>
      answerFailure(res, error, logger, { method: req.method, path }),
    );
  });

  // The ALB keeps idle connections to targets for up to its 300 s idle timeout; a target that
  // closes them first (Node's default is 5 s) makes the ALB answer 502 now and then.
  server.keepAliveTimeout = 310_000;

  if (options.upgrade) server.on('upgrade', options.upgrade);

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
      const deadline = setTimeout(() => server.closeAllConnections(), options.shutdownGraceMs);
      await options.closing?.();
      await closed;
      clearTimeout(deadline);
    },
  };
}

/** Milliseconds since `started` (a `performance.now()`), to one decimal, for request log lines. */
export function elapsedMs(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

async function dispatch(
  routes: readonly Route[],
  req: http.IncomingMessage,
  res: http.ServerResponse,
  logFields: LogFields,
  notFoundMessage: (path: string) => string = () => 'not found',
): Promise<void> {
  try {
    const target = req.url ?? '/';
    if (!target.startsWith('/')) throw new HttpError(400, 'request target must be a path');
    const { path, query } = splitRequestTarget(target);
    const match = matchRoute(routes, req.method ?? 'GET', path);
    if (match.kind === 'not-found') throw new HttpError(404, notFoundMessage(path));
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
