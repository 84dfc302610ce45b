import { GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { captureLogs } from '../../support/captured-logs';
import { startLocalDynamoDb, type LocalDynamoDb } from '../../support/local-dynamodb';
import { loadFresh } from './support/fresh-module';

type IngestModule = typeof import('../../../lib/runtime/telemetry-lambda/ingest');
const INGEST_MODULE = require.resolve('../../../lib/runtime/telemetry-lambda/ingest');
const TABLE = 'telemetry-realtime-test';

let db: LocalDynamoDb;
let ingest: IngestModule['handler'];
let logs: ReturnType<typeof captureLogs>;

const loadIngest = (env: Record<string, string | undefined>) =>
  loadFresh<IngestModule>(INGEST_MODULE, { TABLE_NAME: TABLE, DYNAMODB_ENDPOINT: db.endpoint, HOT_WINDOW_DAYS: undefined, ...env }).handler;

/** What the topic rule delivers for a message published on telemetry/<topicDeviceId>/data. */
const ruleEvent = (topicDeviceId: string, payload: object) => ({ ...payload, topicDeviceId, receivedAt: Date.now() });

async function storedItemCount(deviceId: string): Promise<number> {
  const page = await db.client.send(
    new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'deviceId = :d', ExpressionAttributeValues: { ':d': { S: deviceId } } }),
  );
  return page.Count ?? 0;
}

beforeAll(async () => {
  db = await startLocalDynamoDb();
  await db.createRealtimeTable(TABLE);
  ingest = loadIngest({ HOT_WINDOW_DAYS: '3' });
});
afterAll(() => db.stop());
beforeEach(() => {
  logs = captureLogs();
});
afterEach(() => logs.restore());

test('stores one item per message: key, readings map and TTL, nothing else', async () => {
  const ts = Date.UTC(2025, 2, 1, 10, 0, 0, 123);

  const result = await ingest(
    ruleEvent('sensor-1', { deviceId: 'sensor-1', timestamp: '2025-03-01T12:00:00.123+02:00', readings: { temperature: 21.5, humidity: 40 } }),
  );

  expect(result).toEqual({ status: 'stored', deviceId: 'sensor-1', ts });
  const { Item } = await db.client.send(new GetItemCommand({ TableName: TABLE, Key: { deviceId: { S: 'sensor-1' }, ts: { N: String(ts) } } }));
  expect(Item).toEqual({
    deviceId: { S: 'sensor-1' },
    ts: { N: String(ts) },
    readings: { M: { temperature: { N: '21.5' }, humidity: { N: '40' } } },
    expiresAt: { N: String(Math.floor(ts / 1000) + 3 * 86_400) },
  });
  expect(logs.lines()).toEqual([]);
});

test('takes the device id from the topic when the payload has none', async () => {
  const ts = Date.UTC(2025, 2, 1, 11, 0, 0);

  const result = await ingest(ruleEvent('sensor-topic-only', { timestamp: ts, readings: { pressure: 1013.25 } }));

  expect(result).toEqual({ status: 'stored', deviceId: 'sensor-topic-only', ts });
  expect(await storedItemCount('sensor-topic-only')).toBe(1);
});

test('a redelivered message leaves the same single item', async () => {
  const event = ruleEvent('sensor-redelivered', { timestamp: '2025-03-01T12:00:00Z', readings: { temperature: 20 } });

  await ingest(event);
  await ingest(event);

  expect(await storedItemCount('sensor-redelivered')).toBe(1);
});

test('rejects a payload deviceId that differs from the topic as spoofed, storing nothing', async () => {
  const result = await ingest(ruleEvent('sensor-honest', { deviceId: 'sensor-victim', timestamp: '2025-03-01T12:00:00Z', readings: { temperature: 20 } }));

  expect(result).toEqual({ status: 'rejected', reason: 'deviceId in the payload does not match the topic' });
  expect(await storedItemCount('sensor-honest')).toBe(0);
  expect(await storedItemCount('sensor-victim')).toBe(0);
});

const tooManyMetrics = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`m${i}`, i]));
const inFiveMinutesAndMore = () => new Date(Date.now() + 10 * 60_000).toISOString();

test.each([
  { name: 'a string', event: 'temperature=21', reason: /JSON object/ },
  { name: 'null', event: null, reason: /JSON object/ },
  { name: 'an array', event: [{ timestamp: '2025-03-01T12:00:00Z' }], reason: /JSON object/ },
  { name: 'no topic device id', event: { timestamp: '2025-03-01T12:00:00Z', readings: { t: 1 } }, reason: /topicDeviceId/ },
  { name: 'missing readings', event: ruleEvent('sensor-bad-1', { timestamp: '2025-03-01T12:00:00Z' }), reason: /readings must be an object/ },
  { name: 'a timestamp without zone', event: ruleEvent('sensor-bad-2', { timestamp: '2025-03-01 12:00', readings: { t: 1 } }), reason: /timestamp must be ISO 8601/ },
  { name: 'a future timestamp', event: ruleEvent('sensor-bad-3', { timestamp: inFiveMinutesAndMore(), readings: { t: 1 } }), reason: /in the future/ },
  { name: 'a non-numeric value', event: ruleEvent('sensor-bad-4', { timestamp: '2025-03-01T12:00:00Z', readings: { t: 'secret-value' } }), reason: /'t' must be a finite number/ },
  { name: 'too many metrics', event: ruleEvent('sensor-bad-5', { timestamp: '2025-03-01T12:00:00Z', readings: tooManyMetrics }), reason: /1 to 100 metrics/ },
])('rejects $name without throwing, logs the reason and no payload values', async ({ event, reason }) => {
  const result = await ingest(event);

  expect(result).toEqual({ status: 'rejected', reason: expect.stringMatching(reason) });
  const [entry, ...more] = logs.entries();
  expect(more).toEqual([]);
  expect(entry).toMatchObject({ level: 'warn', event: 'telemetry.rejected', reason: expect.stringMatching(reason) });
  expect(logs.lines().join('\n')).not.toMatch(/secret-value|2025-03-01/);
  const topicDeviceId = (event as { topicDeviceId?: string } | null)?.topicDeviceId;
  if (topicDeviceId !== undefined) expect(await storedItemCount(topicDeviceId)).toBe(0);
});

test('keeps items for 7 days when HOT_WINDOW_DAYS is unset', async () => {
  const ingestWithDefaults = loadIngest({});
  const ts = Date.UTC(2025, 2, 2, 0, 0, 0);

  await ingestWithDefaults(ruleEvent('sensor-default-ttl', { timestamp: ts, readings: { t: 1 } }));

  const { Item } = await db.client.send(new GetItemCommand({ TableName: TABLE, Key: { deviceId: { S: 'sensor-default-ttl' }, ts: { N: String(ts) } } }));
  expect(Item?.expiresAt).toEqual({ N: String(ts / 1000 + 7 * 86_400) });
});

test('throws (so the invocation is retried, then dead-lettered) and logs when DynamoDB fails', async () => {
  const ingestToMissingTable = loadIngest({ TABLE_NAME: 'no-such-table' });

  await expect(ingestToMissingTable(ruleEvent('sensor-1', { timestamp: '2025-03-01T12:00:00Z', readings: { t: 1 } }))).rejects.toMatchObject({
    name: 'ResourceNotFoundException',
  });
  expect(logs.entries()).toEqual([expect.objectContaining({ level: 'error', event: 'telemetry.store_failed', deviceId: 'sensor-1' })]);
});

test('fails at cold start without TABLE_NAME or with a malformed HOT_WINDOW_DAYS', () => {
  expect(() => loadIngest({ TABLE_NAME: undefined })).toThrow('Environment variable TABLE_NAME is required but is not set');
  expect(() => loadIngest({ HOT_WINDOW_DAYS: 'a week' })).toThrow(/HOT_WINDOW_DAYS must be a positive integer/);
});
