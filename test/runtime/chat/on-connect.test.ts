import { captureLogs } from '../../support/captured-logs';
import { TEST_TABLE_NAME } from './support/chat-env';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { DEFAULT_CONNECTION_TTL_SECONDS, handler } from '../../../lib/runtime/chat/on-connect';
import { websocketEvent } from './support/websocket-event';

const dynamo = mockClient(DynamoDBDocumentClient);
let logs: ReturnType<typeof captureLogs>;

beforeEach(() => {
  dynamo.reset();
  logs = captureLogs();
});
afterEach(() => logs.restore());

test('writes the connection with connectedAt and a TTL two hours out', async () => {
  dynamo.on(PutCommand).resolves({});
  const connectedAt = Date.parse('2025-01-01T12:00:00.000Z');
  const before = Math.floor(Date.now() / 1000);

  const result = await handler(websocketEvent({ routeKey: '$connect', connectionId: 'conn-A=', connectedAt }));

  const after = Math.floor(Date.now() / 1000);
  expect(result).toEqual({ statusCode: 200 });
  const puts = dynamo.commandCalls(PutCommand);
  expect(puts).toHaveLength(1);
  const input = puts[0]!.args[0].input;
  expect(input.TableName).toBe(TEST_TABLE_NAME);
  expect(input.Item).toEqual({
    connectionId: 'conn-A=',
    connectedAt: '2025-01-01T12:00:00.000Z',
    ttl: expect.any(Number),
  });
  expect(DEFAULT_CONNECTION_TTL_SECONDS).toBe(7200);
  expect(input.Item!.ttl).toBeGreaterThanOrEqual(before + 7200);
  expect(input.Item!.ttl).toBeLessThanOrEqual(after + 7200);
  expect(Number.isInteger(input.Item!.ttl)).toBe(true);
});

test('answers 500 (API Gateway refuses the connection) and logs when DynamoDB fails', async () => {
  dynamo.on(PutCommand).rejects(new Error('ProvisionedThroughputExceeded'));

  const result = await handler(websocketEvent({ routeKey: '$connect', connectionId: 'conn-B=' }));

  expect(result.statusCode).toBe(500);
  const failure = logs.lines().map((line) => JSON.parse(line)).find((entry) => entry.event === 'chat.connect_failed');
  expect(failure).toMatchObject({ level: 'error', connectionId: 'conn-B=', errorMessage: 'ProvisionedThroughputExceeded' });
});
