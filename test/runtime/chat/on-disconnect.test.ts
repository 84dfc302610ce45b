import { captureLogs } from '../../support/captured-logs';
import { TEST_TABLE_NAME } from './support/chat-env';
import { DeleteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../lib/runtime/chat/on-disconnect';
import { websocketEvent } from './support/websocket-event';

const dynamo = mockClient(DynamoDBDocumentClient);
let logs: ReturnType<typeof captureLogs>;

beforeEach(() => {
  dynamo.reset();
  logs = captureLogs();
});
afterEach(() => logs.restore());

test('deletes the row keyed by the closing connection id', async () => {
  dynamo.on(DeleteCommand).resolves({});

  const result = await handler(websocketEvent({ routeKey: '$disconnect', connectionId: 'conn-A=' }));

  expect(result).toEqual({ statusCode: 200 });
  expect(dynamo.commandCalls(DeleteCommand).map((call) => call.args[0].input)).toEqual([
    { TableName: TEST_TABLE_NAME, Key: { connectionId: 'conn-A=' } },
  ]);
});

test('does not throw when the delete fails (the TTL cleans up later)', async () => {
  dynamo.on(DeleteCommand).rejects(new Error('boom'));

  const result = await handler(websocketEvent({ routeKey: '$disconnect', connectionId: 'conn-A=' }));

  expect(result.statusCode).toBe(500);
  expect(logs.lines().join('\n')).toContain('chat.disconnect_cleanup_failed');
});
