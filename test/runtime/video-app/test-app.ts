/**
 * Starts the real server on 127.0.0.1:0 with in-memory dependencies, plus a WebSocket
 * client that queues frames so tests can await them in order.
 */
import { WebSocket, type ClientOptions } from 'ws';
import { silentLogger } from '../../../lib/runtime/shared/json-logger';
import type { MediaLinks, MediaRead } from '../../../lib/runtime/video-app/media-links';
import { MemoryStore } from '../../../lib/runtime/video-app/memory-store';
import { createServer, type AppDeps } from '../../../lib/runtime/video-app/server';

export const FAKE_SIGNED_URL_BASE = 'https://media-bucket.s3.example.com/';

/**
 * Stands in for the S3 bucket: a recognisable presigned URL per key, and `objects` (by
 * key) for the app's own reads. `reads` records every key read.
 */
export function fakeMedia(objects: Record<string, string | Buffer> = {}): MediaLinks & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    linkFor: async (key) => `${FAKE_SIGNED_URL_BASE}${key}?X-Amz-Signature=fake`,
    read: async (key, maxBytes): Promise<MediaRead> => {
      reads.push(key);
      const object = objects[key];
      if (object === undefined) return { kind: 'missing' };
      const body = Buffer.from(object);
      return body.length > maxBytes ? { kind: 'too-large' } : { kind: 'found', body };
    },
  };
}

export interface TestApp {
  baseUrl: string;
  wsUrl: string;
  store: AppDeps['store'];
  close(): Promise<void>;
}

export async function startTestApp(overrides: Partial<AppDeps> = {}): Promise<TestApp> {
  const deps: AppDeps = {
    role: 'all',
    store: new MemoryStore(),
    media: fakeMedia(),
    chatHistoryLimit: 50,
    maxMessageBytes: 2048,
    logger: silentLogger,
    shutdownGraceMs: 500,
    ...overrides,
  };
  const app = createServer(deps);
  const { port } = await app.listen(0, '127.0.0.1');
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/chat/ws`,
    store: deps.store,
    close: () => app.close(),
  };
}

export interface ChatClient {
  socket: WebSocket;
  /** The next frame from the server, parsed; rejects after `timeoutMs`. */
  next(timeoutMs?: number): Promise<any>;
  sendJson(frame: unknown): void;
  /** Resolves with the close code once the connection is closed. */
  closed: Promise<number>;
  close(): Promise<void>;
}

export async function connectChat(url: string, options: ClientOptions = {}): Promise<ChatClient> {
  const socket = new WebSocket(url, options);
  const frames: any[] = [];
  const waiters: Array<(frame: any) => void> = [];
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString());
    const waiter = waiters.shift();
    if (waiter) waiter(frame);
    else frames.push(frame);
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.on('error', () => {});

  return {
    socket,
    closed,
    next: (timeoutMs = 1000) =>
      frames.length > 0
        ? Promise.resolve(frames.shift())
        : new Promise((resolve, reject) => {
            const waiter = (frame: any) => {
              clearTimeout(timer);
              resolve(frame);
            };
            // A timed-out waiter must leave the queue, or it would swallow the next frame.
            const timer = setTimeout(() => {
              waiters.splice(waiters.indexOf(waiter), 1);
              reject(new Error('no frame within timeout'));
            }, timeoutMs);
            waiters.push(waiter);
          }),
    sendJson: (frame) => socket.send(JSON.stringify(frame)),
    close: async () => {
      if (socket.readyState !== WebSocket.CLOSED) socket.close();
      await closed;
    },
  };
}
