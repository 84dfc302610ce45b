import type { AppRole } from '../../../lib/runtime/video-app/config';
import { MemoryStore } from '../../../lib/runtime/video-app/memory-store';
import { request } from '../../support/json-requests';
import { connectChat, startTestApp, type TestApp } from './test-app';

describe.each<[AppRole, string[]]>([
  ['all', ['/health', '/video/health', '/chat/health']],
  ['video', ['/health', '/video/health']],
  ['chat', ['/health', '/chat/health']],
])('role %s', (role, servedHealthPaths) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ role });
  });
  afterAll(() => app.close());

  test.each(servedHealthPaths)('GET %s answers ok', async (path) => {
    const { status, body } = await request(app.baseUrl + path);
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', role, storage: 'ok' });
  });

  test('HEAD on a health path answers 200 (some checkers use it)', async () => {
    expect((await fetch(app.baseUrl + servedHealthPaths[1], { method: 'HEAD' })).status).toBe(200);
  });
});

describe.each<[AppRole, string]>([
  ['video', '/chat/health'],
  ['chat', '/video/health'],
])('role %s', (role, otherPoolHealthPath) => {
  test(`does not answer ${otherPoolHealthPath}`, async () => {
    const app = await startTestApp({ role });
    try {
      expect((await request(app.baseUrl + otherPoolHealthPath)).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});

describe('role isolation', () => {
  let video: TestApp;
  let chat: TestApp;
  beforeAll(async () => {
    [video, chat] = await Promise.all([startTestApp({ role: 'video' }), startTestApp({ role: 'chat' })]);
  });
  afterAll(() => Promise.all([video.close(), chat.close()]));

  test('the video role answers chat routes with 404 JSON naming the right pool', async () => {
    const { status, headers, body } = await request(`${video.baseUrl}/chat/history`);
    expect(status).toBe(404);
    expect(headers.get('content-type')).toContain('application/json');
    expect(body.error).toBe('not found: chat routes are served by the chat pool; this instance runs role video');
  });

  test('the video role refuses the chat WebSocket with 404', async () => {
    await expect(connectChat(video.wsUrl)).rejects.toThrow('Unexpected server response: 404');
    expect((await request(`${video.baseUrl}/health`)).status).toBe(200);
  });

  test.each(['/video/catalog', '/video/catalog/abc', '/video/assets/a.mp4'])('the chat role answers %s with 404', async (path) => {
    const { status, body } = await request(chat.baseUrl + path);
    expect(status).toBe(404);
    expect(body.error).toContain('video routes are served by the video pool');
  });

  test('the chat role refuses POST /video/catalog with 404, not 405', async () => {
    const { status } = await request(`${chat.baseUrl}/video/catalog`, { method: 'POST', body: '{}' });
    expect(status).toBe(404);
  });

  test('the chat role accepts the chat WebSocket', async () => {
    const client = await connectChat(chat.wsUrl);
    await client.close();
  });
});

describe('health while the store is down', () => {
  test('still answers 200 quickly, reporting storage degraded', async () => {
    const store = new MemoryStore();
    store.ping = () => new Promise(() => {}); // never answers, like an unreachable cluster
    const app = await startTestApp({ store, healthPingTimeoutMs: 50 });
    try {
      const started = Date.now();
      const { status, body } = await request(`${app.baseUrl}/video/health`);
      expect(status).toBe(200);
      expect(body).toEqual({ status: 'ok', role: 'all', storage: 'degraded' });
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await app.close();
    }
  });

  test('reports degraded when the ping fails', async () => {
    const store = new MemoryStore();
    store.ping = async () => {
      throw new Error('connection refused');
    };
    const app = await startTestApp({ store });
    try {
      expect((await request(`${app.baseUrl}/health`)).body.storage).toBe('degraded');
    } finally {
      await app.close();
    }
  });
});
