import { ApiGatewayManagementApiClient, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../lib/runtime/chat/default-route';
import { captureLogs } from '../../support/captured-logs';
import { postedFrames } from './support/posted-frames';
import { websocketEvent } from './support/websocket-event';

const api = mockClient(ApiGatewayManagementApiClient);
let logs: ReturnType<typeof captureLogs>;

beforeEach(() => {
  api.reset();
  api.on(PostToConnectionCommand).resolves({});
  logs = captureLogs();
});
afterEach(() => logs.restore());

test.each([
  ['an unknown action', JSON.stringify({ action: 'shout', data: 'hi' })],
  ['a frame without an action', JSON.stringify({ data: 'hi' })],
  ['a non-JSON frame', 'hello'],
  ['an empty frame', undefined],
])('%s gets a 400 and an error naming "sendmessage", sent to the sender only', async (_name, body) => {
  const result = await handler(websocketEvent({ routeKey: '$default', connectionId: 'sender=', body }));

  expect(result.statusCode).toBe(400);
  expect(result.body).toContain('"sendmessage"');
  expect(postedFrames(api)).toEqual([{ connectionId: 'sender=', frame: { type: 'error', error: result.body } }]);
});

test('does not echo the unknown action back', async () => {
  const result = await handler(websocketEvent({ routeKey: '$default', body: JSON.stringify({ action: '<script>' }) }));

  expect(result.body).not.toContain('<script>');
});

test('does not throw when the error cannot be delivered', async () => {
  api.on(PostToConnectionCommand).rejects(new Error('network down'));

  const result = await handler(websocketEvent({ routeKey: '$default', body: 'hello' }));

  expect(result.statusCode).toBe(400);
  expect(logs.lines().join('\n')).toContain('chat.error_reply_failed');
});
