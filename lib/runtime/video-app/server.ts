/**
 * The HTTP + WebSocket server for one role, built from injected dependencies so tests
 * run it against in-memory stores and fake media links.
 */
import type { Duplex } from 'node:stream';
import { splitRequestTarget, type Route } from '../shared/http-router';
import { createHttpServer, elapsedMs, type HttpServer } from '../shared/http-server';
import { jsonLogger, type Logger } from '../shared/json-logger';
import { ChatHub } from './chat-hub';
import { chatRoutes } from './chat-routes';
import type { AppRole } from './config';
import { healthRoutes } from './health-routes';
import type { MediaLinks } from './media-links';
import type { AppStore } from './storage';
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

export const CHAT_SOCKET_PATH = '/chat/ws';

export function createServer(deps: AppDeps): HttpServer {
  const logger = deps.logger ?? jsonLogger;
  const hub = servesChatSocket(deps.role)
    ? new ChatHub({
        messages: deps.store.messages,
        maxMessageBytes: deps.maxMessageBytes,
        logger,
        heartbeatIntervalMs: deps.heartbeatIntervalMs,
        pollIntervalMs: deps.chatPollIntervalMs,
      })
    : undefined;

  return createHttpServer({
    routes: appRoutes(deps),
    logger,
    shutdownGraceMs: deps.shutdownGraceMs ?? 10_000,
    notFoundMessage: (path) => notFoundMessage(deps.role, path),
    upgrade: (req, socket, head) => {
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
    },
    // Upgraded sockets are no longer the HTTP server's to drain: the hub closes them (1001).
    closing: async () => {
      await hub?.close();
    },
  });
}

/** What {@link appRoutes} needs: the route handlers' dependencies. */
export type AppRouteDeps = Pick<AppDeps, 'role' | 'store' | 'media' | 'localMediaDir' | 'chatHistoryLimit' | 'healthPingTimeoutMs'>;

/** The HTTP routes a process of this role serves; the chat WebSocket is {@link servesChatSocket}. */
export function appRoutes(deps: AppRouteDeps): Route[] {
  return [
    ...healthRoutes({ role: deps.role, store: deps.store, pingTimeoutMs: deps.healthPingTimeoutMs ?? 1000 }),
    ...(deps.role !== 'chat' ? videoRoutes({ videos: deps.store.videos, media: deps.media, localMediaDir: deps.localMediaDir }) : []),
    ...(deps.role !== 'video' ? chatRoutes({ messages: deps.store.messages, historyLimit: deps.chatHistoryLimit }) : []),
  ];
}

/** Whether a process of this role accepts chat WebSockets on {@link CHAT_SOCKET_PATH}. */
export function servesChatSocket(role: AppRole): boolean {
  return role !== 'video';
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
