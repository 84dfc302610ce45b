/**
 * A local stand-in for the API Gateway Management API: answers `POST /<stage>/@connections/<id>` on
 * loopback after a delay drawn around a realistic mean, and records who received what, so the
 * benchmark can tell when a message has reached everyone, and whether anyone got it twice.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ManagementApiStandIn {
  /** The stage's callback URL, as CALLBACK_URL would carry it. */
  readonly callbackUrl: string;
  /** Resolves when `count` distinct connections have received a post since the last `reset()`. */
  reached(count: number): Promise<number>;
  /** Distinct connections that received a post, and posts in all. */
  counts(): { connections: number; posts: number; peakInFlight: number };
  reset(): void;
  close(): Promise<void>;
}

/** Each post waits `meanMs` ± half of it, uniformly. */
export async function startManagementApi(meanMs: number, stage = 'live'): Promise<ManagementApiStandIn> {
  const received = new Map<string, number>();
  let posts = 0;
  let inFlight = 0;
  let peakInFlight = 0;
  let waiter: { count: number; resolve: (at: number) => void } | undefined;
  const prefix = `/${stage}/@connections/`;

  const server: Server = createServer((req, res) => {
    inFlight += 1;
    peakInFlight = Math.max(peakInFlight, inFlight);
    req.resume();
    req.on('end', () => {
      setTimeout(() => {
        inFlight -= 1;
        const id = req.method === 'POST' && req.url?.startsWith(prefix) ? decodeURIComponent(req.url.slice(prefix.length)) : undefined;
        if (!id) {
          res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
          return;
        }
        posts += 1;
        received.set(id, (received.get(id) ?? 0) + 1);
        res.writeHead(200, { 'content-type': 'application/json' }).end();
        if (waiter && received.size >= waiter.count) {
          waiter.resolve(performance.now());
          waiter = undefined;
        }
      }, meanMs * (0.5 + Math.random()));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    callbackUrl: `http://127.0.0.1:${port}/${stage}`,
    reached: (count) => (received.size >= count ? Promise.resolve(performance.now()) : new Promise((resolve) => (waiter = { count, resolve }))),
    counts: () => ({ connections: received.size, posts, peakInFlight }),
    reset: () => {
      received.clear();
      posts = 0;
      peakInFlight = inFlight;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
