import { captureLogs } from '../../support/captured-logs';
import { TEST_TABLE_NAME } from './support/chat-env';
import {
  ApiGatewayManagementApiClient,
  GoneException,
  LimitExceededException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { DeleteCommand, DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { BROADCAST_CONCURRENCY } from '../../../lib/runtime/chat/broadcast';
import { handler } from '../../../lib/runtime/chat/send-message';
import { postedFrames } from './support/posted-frames';
import { websocketEvent } from './support/websocket-event';

const dynamo = mockClient(DynamoDBDocumentClient);
const api = mockClient(ApiGatewayManagementApiClient);
let logs: ReturnType<typeof captureLogs>;

const SENDER = 'sender=';
const sendFrame = (data: unknown) => JSON.stringify({ action: 'sendmessage', data });
const sendEvent = (body: string | undefined) => websocketEvent({ connectionId: SENDER, body });
const summaryOf = (result: { body?: string }) => JSON.parse(result.body ?? '{}') as Record<string, number>;

function tableHolds(...ids: string[]): void {
  dynamo.on(ScanCommand).resolves({ Items: ids.map((connectionId) => ({ connectionId })) });
}

beforeEach(() => {
  dynamo.reset();
  api.reset();
  dynamo.on(DeleteCommand).resolves({});
  api.on(PostToConnectionCommand).resolves({});
  logs = captureLogs();
});
afterEach(() => logs.restore());

describe('broadcast', () => {
  test('reaches every connection across Scan pages, sender included', async () => {
    dynamo
      .on(ScanCommand)
      .resolvesOnce({ Items: [{ connectionId: 'a=' }, { connectionId: 'b=' }], LastEvaluatedKey: { connectionId: 'b=' } })
      .resolvesOnce({ Items: [{ connectionId: SENDER }, { connectionId: 'c=' }] });

    const result = await handler(sendEvent(sendFrame('hello')));

    expect(result.statusCode).toBe(200);
    expect(summaryOf(result)).toEqual({ delivered: 4, stale: 0, failed: 0 });
    expect(dynamo.commandCalls(ScanCommand).map((call) => call.args[0].input)).toEqual([
      { TableName: TEST_TABLE_NAME, ProjectionExpression: 'connectionId', ExclusiveStartKey: undefined },
      { TableName: TEST_TABLE_NAME, ProjectionExpression: 'connectionId', ExclusiveStartKey: { connectionId: 'b=' } },
    ]);
    const posts = postedFrames(api);
    expect(posts.map((post) => post.connectionId).sort()).toEqual(['a=', 'b=', 'c=', SENDER].sort());
    for (const { frame } of posts) {
      expect(frame).toEqual({ type: 'message', data: 'hello', from: SENDER, sentAt: expect.any(String) });
      expect(new Date(frame.sentAt as string).toISOString()).toBe(frame.sentAt);
    }
    expect(dynamo.commandCalls(DeleteCommand)).toHaveLength(0);
  });

  test('a 410 deletes exactly the stale connection, never the sender', async () => {
    tableHolds(SENDER, 'live=', 'stale=');
    api
      .on(PostToConnectionCommand, { ConnectionId: 'stale=' })
      .rejects(new GoneException({ message: 'Gone', $metadata: { httpStatusCode: 410 } }));

    const result = await handler(sendEvent(sendFrame('hi')));

    expect(summaryOf(result)).toEqual({ delivered: 2, stale: 1, failed: 0 });
    expect(dynamo.commandCalls(DeleteCommand).map((call) => call.args[0].input)).toEqual([
      { TableName: TEST_TABLE_NAME, Key: { connectionId: 'stale=' } },
    ]);
  });

  test('a failing stale-row delete is logged and the broadcast still succeeds', async () => {
    tableHolds(SENDER, 'stale=');
    api
      .on(PostToConnectionCommand, { ConnectionId: 'stale=' })
      .rejects(new GoneException({ message: 'Gone', $metadata: { httpStatusCode: 410 } }));
    dynamo.on(DeleteCommand).rejects(new Error('delete throttled'));

    const result = await handler(sendEvent(sendFrame('hi')));

    expect(summaryOf(result)).toEqual({ delivered: 1, stale: 1, failed: 0 });
    expect(logs.lines().join('\n')).toContain('chat.stale_connection_delete_failed');
  });

  test('other post errors are counted as failed, keep their rows and do not stop the rest', async () => {
    tableHolds(SENDER, 'throttled=', 'broken=', 'fine=');
    api
      .on(PostToConnectionCommand, { ConnectionId: 'throttled=' })
      .rejects(new LimitExceededException({ message: 'slow down', $metadata: { httpStatusCode: 429 } }))
      .on(PostToConnectionCommand, { ConnectionId: 'broken=' })
      .rejects(new Error('socket hang up'));

    const result = await handler(sendEvent(sendFrame('hi')));

    expect(result.statusCode).toBe(200);
    expect(summaryOf(result)).toEqual({ delivered: 2, stale: 0, failed: 2 });
    expect(dynamo.commandCalls(DeleteCommand)).toHaveLength(0);
  });

  test(`keeps at most ${BROADCAST_CONCURRENCY} posts in flight`, async () => {
    tableHolds(...Array.from({ length: 3 * BROADCAST_CONCURRENCY + 7 }, (_, index) => `conn-${index}=`));
    let inFlight = 0;
    let peak = 0;
    api.on(PostToConnectionCommand).callsFake(async () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      return {};
    });

    const result = await handler(sendEvent(sendFrame('hi')));

    expect(summaryOf(result).delivered).toBe(3 * BROADCAST_CONCURRENCY + 7);
    expect(peak).toBe(BROADCAST_CONCURRENCY);
  });

  test('a failing Scan answers 500 without throwing or posting', async () => {
    dynamo.on(ScanCommand).rejects(new Error('scan failed'));

    const result = await handler(sendEvent(sendFrame('hi')));

    expect(result.statusCode).toBe(500);
    expect(postedFrames(api)).toHaveLength(0);
  });

  test('logs identify the sender and the outcome but never the message text', async () => {
    tableHolds(SENDER, 'other=');
    const secret = 'my very private message';

    await handler(sendEvent(sendFrame(secret)));

    const entries = logs.lines().map((line) => JSON.parse(line));
    expect(entries).toContainEqual(
      expect.objectContaining({ level: 'info', event: 'chat.broadcast', connectionId: SENDER, messageBytes: secret.length, delivered: 2 }),
    );
    expect(logs.lines().join('\n')).not.toContain(secret);
  });
});

describe('invalid frames are answered with 400 and an error to the sender only', () => {
  const cases: Array<[name: string, body: string | undefined, reason: RegExp]> = [
    ['not JSON', 'hello there', /not valid JSON/],
    ['an empty frame', undefined, /Empty frame/],
    ['a JSON array', '["sendmessage"]', /JSON object/],
    ['missing data', JSON.stringify({ action: 'sendmessage' }), /"data" is required/],
    ['null data', sendFrame(null), /"data" is required/],
    ['empty data', sendFrame(''), /must not be empty/],
    ['numeric data', sendFrame(42), /must be a string/],
    ['object data', sendFrame({ text: 'hi' }), /must be a string/],
    // 1025 characters but 2050 UTF-8 bytes: over the 2048-byte limit.
    ['oversized multibyte data', sendFrame('é'.repeat(1025)), /2050 bytes; the limit is 2048 bytes/],
    ['oversized emoji data', sendFrame('😀'.repeat(513)), /2052 bytes/],
  ];

  test.each(cases)('%s', async (_name, body, reason) => {
    tableHolds(SENDER, 'other=');

    const result = await handler(sendEvent(body));

    expect(result.statusCode).toBe(400);
    expect(result.body).toMatch(reason);
    expect(postedFrames(api)).toEqual([{ connectionId: SENDER, frame: { type: 'error', error: result.body } }]);
    expect(dynamo.commandCalls(ScanCommand)).toHaveLength(0);
  });

  test('binary frames are rejected', async () => {
    const result = await handler({ ...sendEvent(Buffer.from(sendFrame('hi')).toString('base64')), isBase64Encoded: true });

    expect(result.statusCode).toBe(400);
    expect(result.body).toMatch(/Binary frames/);
  });

  test('data of exactly the byte limit is accepted', async () => {
    tableHolds(SENDER);

    const result = await handler(sendEvent(sendFrame('é'.repeat(1024))));

    expect(result.statusCode).toBe(200);
  });

  test('still answers 400 without throwing when the sender cannot be reached either', async () => {
    api.on(PostToConnectionCommand).rejects(new GoneException({ message: 'Gone', $metadata: { httpStatusCode: 410 } }));

    const result = await handler(sendEvent('not json'));

    expect(result.statusCode).toBe(400);
    expect(logs.lines().join('\n')).toContain('chat.error_reply_failed');
  });
});
