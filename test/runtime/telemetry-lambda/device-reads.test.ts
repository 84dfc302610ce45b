import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { silentLogger } from '../../../lib/runtime/shared/json-logger';
import { DynamoDbStore } from '../../../lib/runtime/telemetry-collector/dynamodb-store';
import { createServer } from '../../../lib/runtime/telemetry-collector/server';
import type { Reading } from '../../../lib/runtime/telemetry/reading';
import { request } from '../../support/json-requests';
import { captureLogs } from '../../support/captured-logs';
import { startLocalDynamoDb, type LocalDynamoDb } from '../../support/local-dynamodb';
import { loadFresh } from './support/fresh-module';

type ReadsModule = typeof import('../../../lib/runtime/telemetry-lambda/device-reads');
const READS_MODULE = require.resolve('../../../lib/runtime/telemetry-lambda/device-reads');
const TABLE = 'telemetry-realtime-reads';

let db: LocalDynamoDb;
let reads: ReadsModule;
let collector: { baseUrl: string; close(): Promise<void> };

/** What an HTTP API delivers for `GET <path>` on one of the two routes. */
function apiEvent(route: 'latest' | 'stats', id: string | undefined, query?: Record<string, string>): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: `GET /devices/{id}/${route}`,
    rawPath: `/devices/${id}/${route}`,
    rawQueryString: new URLSearchParams(query).toString(),
    headers: {},
    ...(query ? { queryStringParameters: query } : {}),
    ...(id !== undefined ? { pathParameters: { id } } : {}),
    isBase64Encoded: false,
    requestContext: {} as APIGatewayProxyEventV2['requestContext'],
  };
}

async function callLambda(event: APIGatewayProxyEventV2): Promise<{ status: number; body: any; headers: Record<string, unknown> }> {
  const result = await reads.handler(event);
  return { status: result.statusCode ?? 0, body: JSON.parse(String(result.body)), headers: result.headers ?? {} };
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

beforeAll(async () => {
  db = await startLocalDynamoDb();
  await db.createRealtimeTable(TABLE);
  // Written by the stage-4 collector's adapter: the same table the ingest function fills in stage 5.
  const store = new DynamoDbStore({ client: DynamoDBDocumentClient.from(db.client), tableName: TABLE, hotWindowDays: 7 });
  const readings: Reading[] = [
    { deviceId: 'pump:7', ts: minutesAgo(30 * 60), metric: 'temp', value: 10 },
    { deviceId: 'pump:7', ts: minutesAgo(120), metric: 'temp', value: 20 },
    { deviceId: 'pump:7', ts: minutesAgo(120), metric: 'rpm', value: 3000 },
    { deviceId: 'pump:7', ts: minutesAgo(60), metric: 'temp', value: 30 },
    { deviceId: 'pump:7', ts: minutesAgo(1), metric: 'temp', value: 40 },
    { deviceId: 'pump:7', ts: minutesAgo(1), metric: 'battery', value: 80 },
  ];
  await store.write(readings);
  reads = loadFresh<ReadsModule>(READS_MODULE, { TABLE_NAME: TABLE, DYNAMODB_ENDPOINT: db.endpoint });
  const app = createServer({ store, storeKind: 'dynamodb+postgres', logger: silentLogger });
  const { port } = await app.listen(0, '127.0.0.1');
  collector = { baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
});
afterAll(async () => {
  await collector.close();
  await db.stop();
});

test('latest answers exactly what the collector answered in stage 4', async () => {
  const fromLambda = await callLambda(apiEvent('latest', 'pump:7'));
  const fromCollector = await request(`${collector.baseUrl}/devices/pump%3A7/latest`);
  expect(fromLambda.status).toBe(200);
  expect(fromLambda.body).toEqual(fromCollector.body);
  expect(Object.keys(fromLambda.body.metrics)).toEqual(['battery', 'rpm', 'temp']);
  expect(fromLambda.headers).toMatchObject({ 'content-type': 'application/json', 'cache-control': 'no-store' });
});

test('stats answer the collector\'s shape and figures, over the default and a chosen window', async () => {
  for (const hours of [undefined, '1', '168']) {
    const fromLambda = await callLambda(apiEvent('stats', 'pump:7', hours ? { hours } : undefined));
    const fromCollector = await request(`${collector.baseUrl}/devices/pump:7/stats${hours ? `?hours=${hours}` : ''}`);
    expect(fromLambda.status).toBe(200);
    expect(Object.keys(fromLambda.body)).toEqual(Object.keys(fromCollector.body));
    expect(fromLambda.body.metrics).toEqual(fromCollector.body.metrics);
    expect(fromLambda.body.hours).toBe(fromCollector.body.hours);
    expect(Date.parse(fromLambda.body.to) - Date.parse(fromLambda.body.from)).toBe(fromLambda.body.hours * 3_600_000);
  }
  expect((await callLambda(apiEvent('stats', 'pump:7'))).body.metrics.temp).toEqual({ count: 3, min: 20, max: 40, mean: 30 });
});

test('refuses what the collector refuses, with the same messages', async () => {
  expect(await callLambda(apiEvent('latest', 'unknown'))).toMatchObject({ status: 404, body: { error: 'no readings for device "unknown"' } });
  expect(await callLambda(apiEvent('stats', 'pump:7', { hours: '169' }))).toMatchObject({ status: 400, body: { error: 'hours must be an integer from 1 to 168' } });
  expect(await callLambda(apiEvent('latest', 'x'.repeat(129)))).toMatchObject({ status: 400, body: { error: 'device id must be 1 to 128 characters' } });
  expect(await callLambda(apiEvent('latest', undefined))).toMatchObject({ status: 400 });
  expect((await callLambda(apiEvent('stats', 'unknown'))).body.metrics).toEqual({});
});

test('an unreachable table is 503 with Retry-After, logged once', async () => {
  const logs = captureLogs();
  try {
    const down = loadFresh<ReadsModule>(READS_MODULE, { TABLE_NAME: TABLE, DYNAMODB_ENDPOINT: 'http://127.0.0.1:1' });
    const result = await down.handler(apiEvent('latest', 'pump:7'));
    expect(result).toMatchObject({ statusCode: 503, headers: { 'retry-after': '5' } });
    expect(logs.entries()).toEqual([expect.objectContaining({ event: 'telemetry.read_unavailable' })]);
  } finally {
    logs.restore();
  }
}, 20_000);
