import * as http from 'node:http';
import type { Logger, LogFields } from '../../../lib/runtime/shared/json-logger';
import { StorageUnavailableError } from '../../../lib/runtime/shared/storage-unavailable';
import { MemoryStore } from '../../../lib/runtime/video-app/memory-store';
import { request } from '../../support/json-requests';
import { startTestApp, type TestApp } from './test-app';

/** A logger that keeps what it was given. */
function recordingLogger() {
  const infos: Array<{ event: string; fields?: LogFields }> = [];
  const errors: Array<{ event: string; error: unknown }> = [];
  const logger: Logger = {
    info: (event, fields) => infos.push({ event, fields }),
    warn: () => {},
    error: (event, error) => errors.push({ event, error }),
  };
  return { logger, infos, errors };
}

/** POSTs `body` in chunks without a Content-Length, as a streaming client would. */
function postChunked(baseUrl: string, path: string, body: Buffer): Promise<{ status?: number; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path, method: 'POST', headers: { 'Transfer-Encoding': 'chunked' } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, body: text }));
    });
    req.on('error', reject);
    for (let offset = 0; offset < body.length; offset += 16 * 1024) req.write(body.subarray(offset, offset + 16 * 1024));
    req.end();
  });
}

describe('HTTP error answers', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  afterEach(async () => {
    // Whatever a test sent, the server keeps serving.
    expect((await request(`${app.baseUrl}/health`)).status).toBe(200);
  });

  test('malformed JSON is 400', async () => {
    const { status, body } = await request(`${app.baseUrl}/video/catalog`, { method: 'POST', body: '{"title": ' });
    expect(status).toBe(400);
    expect(body).toEqual({ error: 'request body is not valid JSON' });
  });

  test('an empty body is 400', async () => {
    expect((await request(`${app.baseUrl}/video/catalog`, { method: 'POST' })).status).toBe(400);
  });

  test('a body over 64 KB is 413', async () => {
    const { status, body } = await request(`${app.baseUrl}/video/catalog`, { method: 'POST', body: 'x'.repeat(64 * 1024 + 1) });
    expect(status).toBe(413);
    expect(body).toEqual({ error: 'request body must be at most 65536 bytes' });
  });

  test('a chunked body that grows over 64 KB is 413', async () => {
    const response = await postChunked(app.baseUrl, '/video/catalog', Buffer.alloc(100 * 1024, 'x'));
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toEqual({ error: 'request body must be at most 65536 bytes' });
  });

  test('a body of exactly 64 KB is read', async () => {
    const body = JSON.stringify({ title: 't', key: 'k.mp4', description: '' }).padEnd(64 * 1024, ' ');
    expect((await request(`${app.baseUrl}/video/catalog`, { method: 'POST', body })).status).toBe(201);
  });

  test('an unknown path is 404 JSON', async () => {
    expect(await request(`${app.baseUrl}/nowhere`)).toMatchObject({ status: 404, body: { error: 'not found' } });
  });

  test('a wrong method is 405 with Allow', async () => {
    const { status, headers, body } = await request(`${app.baseUrl}/video/catalog`, { method: 'DELETE' });
    expect(status).toBe(405);
    expect(headers.get('allow')).toBe('GET, HEAD, POST');
    expect(body.error).toBe('method DELETE is not allowed here; use GET or HEAD or POST');
  });

  test('POST to a read-only path is 405', async () => {
    expect((await request(`${app.baseUrl}/health`, { method: 'POST', body: '{}' })).status).toBe(405);
  });

  test('a bad history limit is 400', async () => {
    expect((await request(`${app.baseUrl}/chat/history?limit=abc`)).status).toBe(400);
    expect((await request(`${app.baseUrl}/chat/history?limit=0`)).status).toBe(400);
  });
});

describe('handler failures', () => {
  test('a throwing handler is a logged 500 without details, and the server keeps serving', async () => {
    const store = new MemoryStore();
    store.videos.list = async () => {
      throw new Error('secret connection string in the message');
    };
    const { logger, errors } = recordingLogger();
    const app = await startTestApp({ store, logger });
    try {
      const { status, body } = await request(`${app.baseUrl}/video/catalog`);
      expect(status).toBe(500);
      expect(body).toEqual({ error: 'internal server error' });
      expect(errors).toEqual([{ event: 'http.handler_failed', error: expect.objectContaining({ message: 'secret connection string in the message' }) }]);
      expect((await request(`${app.baseUrl}/video/catalog`, { method: 'POST', body: '{"title":"t","key":"k.mp4"}' })).status).toBe(201);
    } finally {
      await app.close();
    }
  });
});

describe('storage outage', () => {
  test('a store that cannot reach its database answers 503 with Retry-After', async () => {
    const store = new MemoryStore();
    store.videos.get = async () => {
      throw new StorageUnavailableError(new Error('server selection timed out'));
    };
    const { logger, errors } = recordingLogger();
    const app = await startTestApp({ store, logger });
    try {
      const { status, headers, body } = await request(`${app.baseUrl}/video/catalog/v1`);
      expect(status).toBe(503);
      expect(headers.get('retry-after')).toBe('5');
      expect(body).toEqual({ error: 'storage is unavailable; try again shortly' });
      expect(errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('request logs', () => {
  test('one line per request with method, path, status and duration', async () => {
    const { logger, infos } = recordingLogger();
    const app = await startTestApp({ logger });
    try {
      await request(`${app.baseUrl}/video/catalog/missing?x=1`);
      await new Promise((resolve) => setImmediate(resolve));
      expect(infos).toEqual([
        { event: 'http.request', fields: { method: 'GET', path: '/video/catalog/missing', status: 404, ms: expect.any(Number) } },
      ]);
    } finally {
      await app.close();
    }
  });
});
