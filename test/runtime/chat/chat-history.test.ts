import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { POSITION_ATTRIBUTE, ROOM_ATTRIBUTE } from '../../../lib/runtime/chat/message-table-schema';
import { captureLogs } from '../../support/captured-logs';
import { startLocalDynamoDb, type LocalDynamoDb } from '../../support/local-dynamodb';
import { loadFresh } from '../telemetry-lambda/support/fresh-module';

type HistoryModule = typeof import('../../../lib/runtime/chat/message-history');
type RouteModule = typeof import('../../../lib/runtime/chat/chat-history');
const TABLE = 'chat-messages-history-test';

let db: LocalDynamoDb;
let history: HistoryModule;
let route: RouteModule['handler'];
let logs: ReturnType<typeof captureLogs>;

const get = (limit?: string) => route({ queryStringParameters: limit === undefined ? undefined : { limit } } as unknown as APIGatewayProxyEventV2);
const bodyOf = (result: { body?: string }) => JSON.parse(result.body ?? 'null');

beforeAll(async () => {
  db = await startLocalDynamoDb();
  await db.client.send(
    new CreateTableCommand({
      TableName: TABLE,
      KeySchema: [{ AttributeName: ROOM_ATTRIBUTE, KeyType: 'HASH' }, { AttributeName: POSITION_ATTRIBUTE, KeyType: 'RANGE' }],
      AttributeDefinitions: [{ AttributeName: ROOM_ATTRIBUTE, AttributeType: 'S' }, { AttributeName: POSITION_ATTRIBUTE, AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  const env = { MESSAGES_TABLE_NAME: TABLE, DYNAMODB_ENDPOINT: db.endpoint, CHAT_HISTORY_LIMIT: '5' };
  history = loadFresh<HistoryModule>(require.resolve('../../../lib/runtime/chat/message-history'), env);
  route = loadFresh<RouteModule>(require.resolve('../../../lib/runtime/chat/chat-history'), env).handler;
  // Stored out of order: the history sorts by when each message was sent.
  for (const minute of [3, 1, 7, 2, 5, 4, 6]) {
    await history.storeMessage({ id: `m${minute}`, data: `message ${minute}`, from: 'c=', sentAt: `2025-01-01T00:0${minute}:00.000Z` }, 2_000_000_000);
  }
});
afterAll(async () => {
  delete process.env.DYNAMODB_ENDPOINT;
  delete process.env.CHAT_HISTORY_LIMIT;
  await db.stop();
});
beforeEach(() => {
  logs = captureLogs();
});
afterEach(() => logs.restore());

test('the most recent messages, oldest first, in the shape the chat pool answered', async () => {
  expect(await history.recentMessages(3)).toEqual([
    { id: 'm5', data: 'message 5', from: 'c=', sentAt: '2025-01-01T00:05:00.000Z' },
    { id: 'm6', data: 'message 6', from: 'c=', sentAt: '2025-01-01T00:06:00.000Z' },
    { id: 'm7', data: 'message 7', from: 'c=', sentAt: '2025-01-01T00:07:00.000Z' },
  ]);
  const result = await get('2');
  expect(result.statusCode).toBe(200);
  expect(bodyOf(result)).toEqual([
    { id: 'm6', data: 'message 6', sentAt: '2025-01-01T00:06:00.000Z' },
    { id: 'm7', data: 'message 7', sentAt: '2025-01-01T00:07:00.000Z' },
  ]);
});

test('without a limit, or above it, answers at most CHAT_HISTORY_LIMIT messages', async () => {
  expect(bodyOf(await get()).map((m: { id: string }) => m.id)).toEqual(['m3', 'm4', 'm5', 'm6', 'm7']);
  expect(bodyOf(await get('500'))).toHaveLength(5);
});

test.each(['0', '-1', 'ten', '1.5'])('limit=%s answers 400 with a one-line reason', async (limit) => {
  const result = await get(limit);
  expect(result.statusCode).toBe(400);
  expect(bodyOf(result)).toEqual({ error: 'limit must be a positive integer (at most 5 are returned)' });
});

test('an unreachable table answers 503 and logs why', async () => {
  const broken = loadFresh<RouteModule>(require.resolve('../../../lib/runtime/chat/chat-history'), { MESSAGES_TABLE_NAME: 'no-such-table', DYNAMODB_ENDPOINT: db.endpoint }).handler;
  const result = await broken({ queryStringParameters: undefined } as unknown as APIGatewayProxyEventV2);
  expect(result.statusCode).toBe(503);
  expect(logs.lines().join('\n')).toContain('chat.history_failed');
});
