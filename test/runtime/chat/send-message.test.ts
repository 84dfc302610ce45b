import { captureLogs } from '../../support/captured-logs';
import { TEST_MESSAGES_TABLE_NAME, TEST_QUEUE_URL } from './support/chat-env';
import { ApiGatewayManagementApiClient, GoneException, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../lib/runtime/chat/send-message';
import { postedFrames } from './support/posted-frames';
import { queuedJobs } from './support/queued-jobs';
import { websocketEvent } from './support/websocket-event';

const dynamo = mockClient(DynamoDBDocumentClient);
const api = mockClient(ApiGatewayManagementApiClient);
const sqs = mockClient(SQSClient);
let logs: ReturnType<typeof captureLogs>;

const SENDER = 'sender=';
const sendFrame = (data: unknown) => JSON.stringify({ action: 'sendmessage', data });
const sendEvent = (body: string | undefined) => websocketEvent({ connectionId: SENDER, body });

beforeEach(() => {
  dynamo.reset();
  api.reset();
  sqs.reset();
  dynamo.on(PutCommand).resolves({});
  api.on(PostToConnectionCommand).resolves({});
  sqs.on(SendMessageBatchCommand).resolves({ Successful: [{ Id: '0', MessageId: 'q-1', MD5OfMessageBody: '' }] });
  logs = captureLogs();
});
afterEach(() => logs.restore());

describe('a valid message is stored, then queued for fan-out, and the route answers at once', () => {
  test('the history gets the message; the queue gets one broadcast job carrying the frame every viewer receives', async () => {
    const before = Date.now();
    const result = await handler(sendEvent(sendFrame('hello')));

    expect(result.statusCode).toBe(200);
    const { id } = JSON.parse(result.body!) as { id: string };
    const [put] = dynamo.commandCalls(PutCommand).map((call) => call.args[0].input);
    expect(put).toEqual({
      TableName: TEST_MESSAGES_TABLE_NAME,
      Item: { room: 'live', position: expect.stringMatching(new RegExp(`#${id}$`)), id, data: 'hello', from: SENDER, sentAt: expect.any(String), expiresAt: expect.any(Number) },
    });
    expect(put!.Item!.position).toBe(`${put!.Item!.sentAt}#${id}`);
    // Thirty days of history by default.
    expect(put!.Item!.expiresAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) + 30 * 86_400);

    expect(sqs.commandCalls(SendMessageBatchCommand)[0]!.args[0].input.QueueUrl).toBe(TEST_QUEUE_URL);
    const jobs = queuedJobs(sqs);
    expect(jobs).toEqual([{ job: { kind: 'broadcast', messageId: id, frame: expect.any(String) }, delaySeconds: 0 }]);
    expect(JSON.parse((jobs[0]!.job as { frame: string }).frame)).toEqual({ type: 'message', id, data: 'hello', from: SENDER, sentAt: put!.Item!.sentAt });
    // The route itself neither reads the connections table nor posts: the fan-out worker does.
    expect(dynamo.commandCalls(ScanCommand)).toHaveLength(0);
    expect(postedFrames(api)).toHaveLength(0);
  });

  test('a failing history write answers 500 and queues nothing: a message is stored and sent, or neither', async () => {
    dynamo.on(PutCommand).rejects(new Error('throttled'));

    const result = await handler(sendEvent(sendFrame('hi')));

    expect(result.statusCode).toBe(500);
    expect(queuedJobs(sqs)).toHaveLength(0);
    expect(logs.lines().join('\n')).toContain('chat.send_failed');
  });

  test('a queue that refuses the job answers 500', async () => {
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [{ Id: '0', Code: 'InternalError', SenderFault: false }] });

    const result = await handler(sendEvent(sendFrame('hi')));

    expect(result.statusCode).toBe(500);
    expect(logs.lines().join('\n')).toContain('refused 1 fan-out job');
  });

  test('logs identify the sender and the message but never its text', async () => {
    const secret = 'my very private message';

    await handler(sendEvent(sendFrame(secret)));

    expect(logs.entries()).toContainEqual(expect.objectContaining({ level: 'info', event: 'chat.message_queued', connectionId: SENDER, messageBytes: secret.length }));
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
    const result = await handler(sendEvent(body));

    expect(result.statusCode).toBe(400);
    expect(result.body).toMatch(reason);
    expect(postedFrames(api)).toEqual([{ connectionId: SENDER, frame: { type: 'error', error: result.body } }]);
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(0);
    expect(queuedJobs(sqs)).toHaveLength(0);
  });

  test('binary frames are rejected', async () => {
    const result = await handler({ ...sendEvent(Buffer.from(sendFrame('hi')).toString('base64')), isBase64Encoded: true });

    expect(result.statusCode).toBe(400);
    expect(result.body).toMatch(/Binary frames/);
  });

  test('data of exactly the byte limit is accepted', async () => {
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
