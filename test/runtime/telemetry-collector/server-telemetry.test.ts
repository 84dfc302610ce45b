import * as net from 'node:net';
import { StorageUnavailableError } from '../../../lib/runtime/shared/storage-unavailable';
import { MAX_RECORDS_PER_REQUEST } from '../../../lib/runtime/telemetry-collector/telemetry-batch';
import { MemoryStore } from '../../../lib/runtime/telemetry-collector/memory-store';
import type { Reading } from '../../../lib/runtime/telemetry/reading';
import { postJson, request } from '../../support/json-requests';
import { NOW, record, startTestCollector, type TestCollector } from './test-collector';

/** Writes raw bytes on a fresh connection and returns the raw response. */
function rawRequest(baseUrl: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.end(bytes));
    let response = '';
    socket.on('data', (chunk) => (response += chunk));
    socket.on('end', () => resolve(response));
    socket.on('error', reject);
  });
}

describe('POST /telemetry', () => {
  let app: TestCollector;
  let store: MemoryStore;
  beforeAll(async () => {
    store = new MemoryStore();
    app = await startTestCollector({ store });
  });
  afterAll(() => app.close());

  afterEach(async () => {
    // Whatever a test sent, the collector keeps serving.
    expect((await request(`${app.baseUrl}/health`)).status).toBe(200);
  });

  test('a mixed batch: valid records are stored, each bad one is rejected with its index and reason', async () => {
    const { status, body } = await postJson(`${app.baseUrl}/telemetry`, [
      record('mixed-1', 2, { temp: 21.5, humidity: 40 }),
      { deviceId: 'mixed-1', timestamp: 'yesterday', readings: { temp: 1 } },
      record('mixed-1', 1, { temp: 22 }),
      'not a record',
      record('mixed-1', 0, { Temp: 1 }),
      { ...record('mixed-1', 0, {}), timestamp: NOW.getTime() + 10 * 60_000, readings: { temp: 1 } },
    ]);
    expect(status).toBe(200);
    expect(body).toEqual({
      accepted: 2,
      rejected: [
        { index: 1, reason: 'timestamp must be ISO 8601 with a time zone (2026-11-26T10:00:00Z) or epoch milliseconds' },
        { index: 3, reason: 'record must be a JSON object' },
        { index: 4, reason: "metric 'Temp' must be lower-case letters, digits or _, starting with a letter" },
        { index: 5, reason: 'timestamp is more than 5 minutes in the future' },
      ],
    });
    const stored = await store.window('mixed-1', new Date(NOW.getTime() - 3_600_000), NOW);
    expect(stored.map((r) => `${r.ts.toISOString()} ${r.metric}=${r.value}`)).toEqual([
      '2026-11-26T11:58:00.000Z humidity=40',
      '2026-11-26T11:58:00.000Z temp=21.5',
      '2026-11-26T11:59:00.000Z temp=22',
    ]);
  });

  test('one record, an array, and {"records": [...]} are all accepted', async () => {
    expect((await postJson(`${app.baseUrl}/telemetry`, record('shape-1', 0, { temp: 1 }))).body).toEqual({ accepted: 1, rejected: [] });
    expect((await postJson(`${app.baseUrl}/telemetry`, [record('shape-1', 1, { temp: 2 })])).body).toEqual({ accepted: 1, rejected: [] });
    expect((await postJson(`${app.baseUrl}/telemetry`, { records: [record('shape-1', 2, { temp: 3 })] })).body).toEqual({ accepted: 1, rejected: [] });
    expect(await store.window('shape-1', new Date(0), NOW)).toHaveLength(3);
  });

  test('an empty batch and an all-invalid batch are answered without storing anything', async () => {
    expect((await postJson(`${app.baseUrl}/telemetry`, [])).body).toEqual({ accepted: 0, rejected: [] });
    expect((await postJson(`${app.baseUrl}/telemetry`, { records: [{}] })).body).toEqual({
      accepted: 0,
      rejected: [{ index: 0, reason: 'deviceId must be 1-128 letters, digits or _.:-' }],
    });
  });

  test.each([
    ['not JSON', '{"deviceId": ', 400, 'request body is not valid JSON'],
    ['an empty body', '', 400, 'request body is empty; send JSON'],
    ['a JSON string', '"hello"', 400, 'body must be a record, an array of records, or {"records": [...]}'],
    ['a JSON number', '42', 400, 'body must be a record, an array of records, or {"records": [...]}'],
    ['null', 'null', 400, 'body must be a record, an array of records, or {"records": [...]}'],
    ['records that is not an array', '{"records": {"deviceId": "x"}}', 400, '"records" must be an array of records'],
  ])('%s is 400', async (_case, body, status, error) => {
    const response = await request(`${app.baseUrl}/telemetry`, { method: 'POST', body });
    expect([response.status, response.body]).toEqual([status, { error }]);
  });

  test(`more than ${MAX_RECORDS_PER_REQUEST} records is 413, and nothing of it is stored`, async () => {
    const records = Array.from({ length: MAX_RECORDS_PER_REQUEST + 1 }, (_, i) => record('many-1', i / 1000, { t: i }));
    const { status, body } = await postJson(`${app.baseUrl}/telemetry`, records);
    expect([status, body]).toEqual([413, { error: `at most ${MAX_RECORDS_PER_REQUEST} records per request (got ${MAX_RECORDS_PER_REQUEST + 1})` }]);
    expect(await store.latest('many-1')).toEqual([]);
  });

  test(`exactly ${MAX_RECORDS_PER_REQUEST} records are accepted in one request`, async () => {
    const records = Array.from({ length: MAX_RECORDS_PER_REQUEST }, (_, i) => ({ deviceId: 'full-1', timestamp: NOW.getTime() - i, readings: { t: i } }));
    expect((await postJson(`${app.baseUrl}/telemetry`, records)).body).toEqual({ accepted: MAX_RECORDS_PER_REQUEST, rejected: [] });
  });

  test('a body over 1 MB is 413, declared or streamed', async () => {
    const big = JSON.stringify([{ pad: 'x'.repeat(1024 * 1024) }]);
    const declared = await request(`${app.baseUrl}/telemetry`, { method: 'POST', body: big });
    expect([declared.status, declared.body]).toEqual([413, { error: 'request body must be at most 1048576 bytes' }]);
    const chunks = [Buffer.from(big.slice(0, 600_000)), Buffer.from(big.slice(600_000))];
    const streamed = await request(`${app.baseUrl}/telemetry`, {
      method: 'POST',
      body: new ReadableStream({ start: (c) => (chunks.forEach((chunk) => c.enqueue(chunk)), c.close()) }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  test('GET /telemetry is 405 with Allow; an unknown path is 404; a non-path target is 400', async () => {
    const wrongMethod = await request(`${app.baseUrl}/telemetry`);
    expect([wrongMethod.status, wrongMethod.headers.get('allow'), wrongMethod.body]).toEqual([405, 'POST', { error: 'method GET is not allowed here; use POST' }]);
    expect((await request(`${app.baseUrl}/nope`)).body).toEqual({ error: 'not found' });
    const absolute = await rawRequest(app.baseUrl, 'GET http://example.com/health HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n');
    expect(absolute).toMatch(/^HTTP\/1\.1 400 /);
    expect(absolute).toContain('{"error":"request target must be a path"}');
  });
});

describe('POST /telemetry when the store fails', () => {
  test('an unreachable store is 503 with Retry-After, and the batch counts as not accepted', async () => {
    const writes: Reading[][] = [];
    const store = new MemoryStore();
    store.write = async (readings) => {
      writes.push([...readings]);
      throw new StorageUnavailableError(new Error('connection refused'));
    };
    const app = await startTestCollector({ store });
    try {
      const { status, headers, body } = await postJson(`${app.baseUrl}/telemetry`, [record('down-1', 0, { temp: 1 }), { bad: true }, record('down-1', 1, { temp: 2 })]);
      expect([status, headers.get('retry-after'), body]).toEqual([503, '5', { error: 'storage is unavailable; try again shortly' }]);
      expect(writes.map((w) => w.length)).toEqual([2]); // one write for the whole batch
      expect((await request(`${app.baseUrl}/health`)).body).toEqual({ status: 'ok', store: 'memory', storage: 'ok' });
    } finally {
      await app.close();
    }
  });

  test('any other failure is a 500 that reveals nothing, and is logged', async () => {
    const errors: string[] = [];
    const store = new MemoryStore();
    store.write = async () => Promise.reject(new Error('secret detail'));
    const app = await startTestCollector({ store, logger: { info: () => {}, warn: () => {}, error: (event) => errors.push(event) } });
    try {
      const { status, body } = await postJson(`${app.baseUrl}/telemetry`, record('bug-1', 0, { temp: 1 }));
      expect([status, body]).toEqual([500, { error: 'internal server error' }]);
      expect(errors).toEqual(['http.handler_failed']);
      expect((await request(`${app.baseUrl}/health`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
