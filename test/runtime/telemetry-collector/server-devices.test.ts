import type { LogFields } from '../../../lib/runtime/shared/json-logger';
import { MemoryStore } from '../../../lib/runtime/telemetry-collector/memory-store';
import { postJson, request } from '../../support/json-requests';
import { NOW, record, startTestCollector, type TestCollector } from './test-collector';

describe('device analysis routes', () => {
  let app: TestCollector;
  beforeAll(async () => {
    app = await startTestCollector();
    await postJson(`${app.baseUrl}/telemetry`, [
      record('pump:7', 30 * 60, { temp: 10, rpm: 1000 }), // 30 hours ago: outside the default window
      record('pump:7', 120, { temp: 20, rpm: 3000 }),
      record('pump:7', 60, { temp: 30 }),
      record('pump:7', 1, { temp: 40, battery: 80 }),
    ]);
  });
  afterAll(() => app.close());

  test('latest: the newest value of every metric, with its time', async () => {
    const { status, body } = await request(`${app.baseUrl}/devices/pump%3A7/latest`);
    expect(status).toBe(200);
    expect(body).toEqual({
      deviceId: 'pump:7',
      metrics: {
        battery: { value: 80, ts: '2026-11-26T11:59:00.000Z' },
        rpm: { value: 3000, ts: '2026-11-26T10:00:00.000Z' },
        temp: { value: 40, ts: '2026-11-26T11:59:00.000Z' },
      },
    });
  });

  test('latest of a device with no readings is 404', async () => {
    expect(await request(`${app.baseUrl}/devices/unknown/latest`)).toMatchObject({ status: 404, body: { error: 'no readings for device "unknown"' } });
  });

  test('stats: count, min, max and mean per metric over the last 24 hours by default', async () => {
    const { status, body } = await request(`${app.baseUrl}/devices/pump:7/stats`);
    expect(status).toBe(200);
    expect(body).toEqual({
      deviceId: 'pump:7',
      hours: 24,
      from: '2026-11-25T12:00:00.000Z',
      to: NOW.toISOString(),
      metrics: {
        battery: { count: 1, min: 80, max: 80, mean: 80 },
        rpm: { count: 1, min: 3000, max: 3000, mean: 3000 },
        temp: { count: 3, min: 20, max: 40, mean: 30 },
      },
    });
  });

  test('stats over a chosen window', async () => {
    expect((await request(`${app.baseUrl}/devices/pump:7/stats?hours=1`)).body.metrics).toEqual({
      battery: { count: 1, min: 80, max: 80, mean: 80 },
      temp: { count: 2, min: 30, max: 40, mean: 35 },
    });
    expect((await request(`${app.baseUrl}/devices/pump:7/stats?hours=168`)).body.metrics.temp).toEqual({ count: 4, min: 10, max: 40, mean: 25 });
    expect((await request(`${app.baseUrl}/devices/unknown/stats`)).body.metrics).toEqual({});
  });

  test.each(['0', '169', '1.5', 'abc', '-1', ''])('hours=%s is 400', async (hours) => {
    expect(await request(`${app.baseUrl}/devices/pump:7/stats?hours=${hours}`)).toMatchObject({ status: 400, body: { error: 'hours must be an integer from 1 to 168' } });
  });

  test('bad device ids are 400; other methods 405', async () => {
    expect((await request(`${app.baseUrl}/devices/%E0%A4%A/latest`)).status).toBe(400);
    expect((await request(`${app.baseUrl}/devices/${'x'.repeat(129)}/latest`)).status).toBe(400);
    expect((await request(`${app.baseUrl}/devices/pump:7/latest`, { method: 'POST' })).status).toBe(405);
    expect((await request(`${app.baseUrl}/devices/pump:7`)).status).toBe(404);
  });
});

describe('GET /health', () => {
  test('reports the store kind and a reachable store', async () => {
    const app = await startTestCollector({ storeKind: 'postgres' });
    try {
      const { status, body, headers } = await request(`${app.baseUrl}/health`);
      expect([status, body, headers.get('cache-control')]).toEqual([200, { status: 'ok', store: 'postgres', storage: 'ok' }, 'no-store']);
    } finally {
      await app.close();
    }
  });

  test('stays 200 within about a second when the store hangs or fails: storage is "degraded"', async () => {
    const hanging = new MemoryStore();
    hanging.ping = () => new Promise(() => {});
    const failing = new MemoryStore();
    failing.ping = () => Promise.reject(new Error('down'));
    const slow = await startTestCollector({ store: hanging, healthPingTimeoutMs: 100 });
    const down = await startTestCollector({ store: failing });
    try {
      const started = Date.now();
      expect((await request(`${slow.baseUrl}/health`)).body).toEqual({ status: 'ok', store: 'memory', storage: 'degraded' });
      expect(Date.now() - started).toBeLessThan(1000);
      expect((await request(`${down.baseUrl}/health`)).body).toEqual({ status: 'ok', store: 'memory', storage: 'degraded' });
    } finally {
      await Promise.all([slow.close(), down.close()]);
    }
  });
});

describe('request log', () => {
  test('one JSON-ready line per request, with what a POST accepted and rejected', async () => {
    const lines: Array<{ event: string; fields?: LogFields }> = [];
    const app = await startTestCollector({ logger: { info: (event, fields) => lines.push({ event, fields }), warn: () => {}, error: () => {} } });
    try {
      await postJson(`${app.baseUrl}/telemetry`, [record('log-1', 0, { temp: 1, rpm: 2 }), {}]);
      await request(`${app.baseUrl}/nope`);
      await new Promise((resolve) => setImmediate(resolve));
      expect(lines).toEqual([
        { event: 'http.request', fields: expect.objectContaining({ method: 'POST', path: '/telemetry', status: 200, records: 2, accepted: 1, rejected: 1, readings: 2 }) },
        { event: 'http.request', fields: expect.objectContaining({ method: 'GET', path: '/nope', status: 404 }) },
      ]);
    } finally {
      await app.close();
    }
  });
});
