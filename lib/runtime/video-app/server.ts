/**
 * The HTTP + WebSocket server for one role, built from injected dependencies so tests
 * run it against in-memory stores and fake media links.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { ChatHub } from './chat-hub';
import { chatRoutes } from './chat-routes';
import type { AppRole } from './config';
import { healthRoutes } from './health-routes';
import { HttpError, sendError } from './http-helpers';
import { matchRoute, splitRequestTarget, type Route } from './http-router';
import { jsonLogger, type LogFields, type Logger } from './logger';
import type { MediaLinks } from './media-links';
import { StorageUnavailableError, type AppStore } from './storage';
import { videoRoutes } from './video-routes';

export interface AppDeps {
  role: AppRole;
  store: AppStore;
  media: MediaLinks;
  /** Local mode only: serve `/video/files/*` from this folder. */
  localMediaDir?: string;
  chatHistoryLimit: number;
  maxMessageBytes: number;
  logger?: Logger;
  /** Chat ping interval; defaults to 30 s. */
  heartbeatIntervalMs?: number;
  /** How often the chat log is polled for other instances' messages; defaults to 1 s. */
  chatPollIntervalMs?: number;
  /** How long health checks wait for the store; defaults to 1 s. */
  healthPingTimeoutMs?: number;
  /** How long `close()` lets in-flight requests finish before cutting connections; defaults to 10 s. */
  shutdownGraceMs?: number;
}

export interface AppServer {
  /** Starts listening; resolves with the bound address (use port 0 for any free port). */
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stops accepting, closes chat sockets, lets in-flight requests finish. Does not close the store. */
  close(): Promise<void>;
}

export const CHAT_SOCKET_PATH = '/chat/ws';

export function createServer(deps: AppDeps): AppServer {
  const logger = deps.logger ?? jsonLogger;
  const servesVideo = deps.role !== 'chat';
  const servesChat = deps.role !== 'video';

  const routes: Route[] = [
    ...healthRoutes({ role: deps.role, store: deps.store, pingTimeoutMs: deps.healthPingTimeoutMs ?? 1000 }),
    ...(servesVideo ? videoRoutes({ videos: deps.store.videos, media: deps.media, localMediaDir: deps.localMediaDir }) : []),
    ...(servesChat ? chatRoutes({ messages: deps.store.messages, historyLimit: deps.chatHistoryLimit }) : []),
  ];
  const hub = servesChat
    ? new ChatHub({
        messages: deps.store.messages,
        maxMessageBytes: deps.maxMessageBytes,
        logger,
        heartbeatIntervalMs: deps.heartbeatIntervalMs,
        pollIntervalMs: deps.chatPollIntervalMs,
      })
    : undefined;

  const server = http.createServer((req, res) => {
    const started = performance.now();
    const { path } = splitRequestTarget(req.url ?? '/');
    res.on('close', () => {
      logger.info('http.request', { method: req.method, path, status: res.statusCode, ms: elapsedMs(started) });
    });
    dispatch(routes, deps.role, req, res).catch((error: unknown) => answerFailure(res, error, logger, { method: req.method, path }));
  });

  // ALB keeps idle connections to targets for up to its 300 s idle timeout; a target that
  // closes them first (Node's default is 5 s) makes the ALB answer 502 now and then.
  server.keepAliveTimeout = 310_000;

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const started = performance.now();
    const { path } = splitRequestTarget(req.url ?? '/');
    socket.on('error', (error) => logger.warn('http.upgrade_socket_error', { path, errorMessage: error.message }));
    if (hub && path === CHAT_SOCKET_PATH) {
      hub.handleUpgrade(req, socket, head);
      logger.info('http.request', { method: req.method, path, status: 101, ms: elapsedMs(started) });
      return;
    }
    rejectUpgrade(socket, notFoundMessage(deps.role, path));
    logger.info('http.request', { method: req.method, path, status: 404, ms: elapsedMs(started) });
  });

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
      await hub?.close();
      await closed;
      clearTimeout(deadline);
    },
  };
}

async function dispatch(routes: readonly Route[], role: AppRole, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  try {
    const target = req.url ?? '/';
    if (!target.startsWith('/')) throw new HttpError(400, 'request target must be a path');
    const { path, query } = splitRequestTarget(target);
    const match = matchRoute(routes, req.method ?? 'GET', path);
    if (match.kind === 'not-found') throw new HttpError(404, notFoundMessage(role, path));
    if (match.kind === 'wrong-method') {
      throw new HttpError(405, `method ${req.method} is not allowed here; use ${match.allowed.join(' or ')}`, { Allow: match.allowed.join(', ') });
    }
    await match.route.handle({ req, res, path, query, params: match.params });
  } catch (error) {
    if (!(error instanceof HttpError) || res.headersSent) throw error;
    sendError(res, error);
  }
}

/**
 * The answer to anything a route threw that is not an HttpError: 503 for a database
 * outage, otherwise a logged 500 that reveals nothing about the cause.
 */
function answerFailure(res: http.ServerResponse, error: unknown, logger: Logger, fields: LogFields): void {
  if (error instanceof StorageUnavailableError && !res.headersSent) {
    // Expected during an outage and already visible in health checks: no stack per request.
    const cause = error.cause instanceof Error ? error.cause.message : String(error.cause);
    logger.warn('http.storage_unavailable', { ...fields, errorMessage: cause });
    sendError(res, new HttpError(503, 'storage is unavailable; try again shortly', { 'Retry-After': '5' }));
    return;
  }
  logger.error('http.handler_failed', error, fields);
  if (res.headersSent) res.destroy();
  else sendError(res, new HttpError(500, 'internal server error'));
}

/** A 404 that tells an operator when the ALB sent a request to the wrong pool. */
function notFoundMessage(role: AppRole, path: string): string {
  const otherPool = role === 'video' ? 'chat' : role === 'chat' ? 'video' : undefined;
  if (otherPool && path.startsWith(`/${otherPool}/`)) {
    return `not found: ${otherPool} routes are served by the ${otherPool} pool; this instance runs role ${role}`;
  }
  return 'not found';
}

function rejectUpgrade(socket: Duplex, message: string): void {
  const body = JSON.stringify({ error: message });
  socket.end(
    `HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function elapsedMs(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
