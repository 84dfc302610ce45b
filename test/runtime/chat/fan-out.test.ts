import { captureLogs } from '../../support/captured-logs';
import { TEST_CALLBACK_URL, TEST_TABLE_NAME } from './support/chat-env';
import {
  ApiGatewayManagementApiClient,
  GoneException,
  LimitExceededException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DeleteCommand, DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import type { FanOutJob } from '../../../lib/runtime/chat/fan-out-job';
import { postedFrames } from './support/posted-frames';
import { queuedJobs } from './support/queued-jobs';

process.env.CALLBACK_URL = TEST_CALLBACK_URL;
const { handler, DEFAULT_FAN_OUT_BATCH_SIZE, DEFAULT_POSTS_IN_FLIGHT, DEFAULT_DELIVERY_ATTEMPTS } = require('../../../lib/runtime/chat/fan-out') as typeof import('../../../lib/runtime/chat/fan-out');

const dynamo = mockClient(DynamoDBDocumentClient);
const api = mockClient(ApiGatewayManagementApiClient);
const sqs = mockClient(SQSClient);
let logs: ReturnType<typeof captureLogs>;

const FRAME = JSON.stringify({ type: 'message', id: 'm-1', data: 'hi', from: 'sender=', sentAt: '2025-01-01T00:00:00.000Z' });
const broadcastJob: FanOutJob = { kind: 'broadcast', messageId: 'm-1', frame: FRAME };
const deliverJob = (connectionIds: string[], attempt = 1): FanOutJob => ({ kind: 'deliver', messageId: 'm-1', frame: FRAME, connectionIds, attempt });
const sqsEvent = (...bodies: string[]): SQSEvent => ({
  Records: bodies.map((body, index) => ({ messageId: `sqs-${index}`, body }) as SQSEvent['Records'][number]),
});
const run = (...jobs: Array<FanOutJob | string>) => handler(sqsEvent(...jobs.map((job) => (typeof job === 'string' ? job : JSON.stringify(job)))));
const ids = (count: number, prefix = 'conn') => Array.from({ length: count }, (_, index) => `${prefix}-${index}=`);
const gone = () => new GoneException({ message: 'Gone', $metadata: { httpStatusCode: 410 } });

beforeEach(() => {
  dynamo.reset();
  api.reset();
  sqs.reset();
  dynamo.on(DeleteCommand).resolves({});
  api.on(PostToConnectionCommand).resolves({});
  sqs.on(SendMessageBatchCommand).resolves({});
  logs = captureLogs();
});
afterEach(() => logs.restore());

describe('a broadcast job becomes bounded deliver jobs', () => {
  test(`reads the connections a Scan page at a time and queues deliver jobs of at most ${DEFAULT_FAN_OUT_BATCH_SIZE} connections`, async () => {
    const firstPage = ids(250, 'a');
    const secondPage = ids(30, 'b');
    dynamo
      .on(ScanCommand)
      .resolvesOnce({ Items: firstPage.map((connectionId) => ({ connectionId })), LastEvaluatedKey: { connectionId: 'a-249=' } })
      .resolvesOnce({ Items: secondPage.map((connectionId) => ({ connectionId })) });

    const result = await run(broadcastJob);

    expect(result.batchItemFailures).toEqual([]);
    expect(dynamo.commandCalls(ScanCommand).map((call) => call.args[0].input.ExclusiveStartKey)).toEqual([undefined, { connectionId: 'a-249=' }]);
    const jobs = queuedJobs(sqs).map(({ job }) => job as Extract<FanOutJob, { kind: 'deliver' }>);
    expect(jobs.map((job) => job.connectionIds.length)).toEqual([100, 100, 50, 30]);
    expect(jobs.flatMap((job) => job.connectionIds)).toEqual([...firstPage, ...secondPage]);
    expect(jobs.every((job) => job.attempt === 1 && job.frame === FRAME && job.messageId === 'm-1')).toBe(true);
    // SendMessageBatch takes ten entries at most.
    expect(sqs.commandCalls(SendMessageBatchCommand).every((call) => call.args[0].input.Entries!.length <= 10)).toBe(true);
    // Splitting posts nothing itself.
    expect(postedFrames(api)).toHaveLength(0);
  });

  test('a failing Scan hands the job back to the queue (and, after its receive limit, to the dead-letter queue)', async () => {
    dynamo.on(ScanCommand).rejects(new Error('scan throttled'));

    const result = await run(broadcastJob);

    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'sqs-0' }]);
    expect(logs.lines().join('\n')).toContain('chat.fan_out_job_failed');
  });
});

describe('a deliver job posts to its connections', () => {
  test('every connection gets the frame once', async () => {
    const result = await run(deliverJob(['a=', 'b=', 'c=']));

    expect(result.batchItemFailures).toEqual([]);
    expect(postedFrames(api).map((p) => p.connectionId).sort()).toEqual(['a=', 'b=', 'c=']);
    expect(postedFrames(api).every((p) => JSON.stringify(p.frame) === FRAME)).toBe(true);
    expect(queuedJobs(sqs)).toEqual([]);
  });

  test('a 410 deletes exactly the stale connection, never the sender, and is not retried', async () => {
    api.on(PostToConnectionCommand, { ConnectionId: 'stale=' }).rejects(gone());

    await run(deliverJob(['sender=', 'live=', 'stale=']));

    expect(dynamo.commandCalls(DeleteCommand).map((call) => call.args[0].input)).toEqual([{ TableName: TEST_TABLE_NAME, Key: { connectionId: 'stale=' } }]);
    expect(queuedJobs(sqs)).toEqual([]);
    expect(logs.entries()).toContainEqual(expect.objectContaining({ event: 'chat.fan_out_delivered', delivered: 2, stale: 1, failed: 0 }));
  });

  test('a failing stale-row delete is logged and delivery carries on', async () => {
    api.on(PostToConnectionCommand, { ConnectionId: 'stale=' }).rejects(gone());
    dynamo.on(DeleteCommand).rejects(new Error('delete throttled'));

    const result = await run(deliverJob(['live=', 'stale=']));

    expect(result.batchItemFailures).toEqual([]);
    expect(logs.lines().join('\n')).toContain('chat.stale_connection_delete_failed');
  });

  test('other failures (throttled, broken) keep their rows and are queued again, later, with the next attempt number', async () => {
    api
      .on(PostToConnectionCommand, { ConnectionId: 'throttled=' })
      .rejects(new LimitExceededException({ message: 'slow down', $metadata: { httpStatusCode: 429 } }))
      .on(PostToConnectionCommand, { ConnectionId: 'broken=' })
      .rejects(new Error('socket hang up'));

    const result = await run(deliverJob(['fine=', 'throttled=', 'broken=']));

    expect(result.batchItemFailures).toEqual([]);
    expect(dynamo.commandCalls(DeleteCommand)).toHaveLength(0);
    expect(queuedJobs(sqs)).toEqual([{ job: deliverJob(['throttled=', 'broken='], 2), delaySeconds: 2 }]);
  });

  test(`after ${DEFAULT_DELIVERY_ATTEMPTS} attempts a failing connection is given up, and that is logged as an error`, async () => {
    api.on(PostToConnectionCommand, { ConnectionId: 'broken=' }).rejects(new Error('socket hang up'));

    await run(deliverJob(['fine=', 'broken='], DEFAULT_DELIVERY_ATTEMPTS));

    expect(queuedJobs(sqs)).toEqual([]);
    expect(logs.entries()).toContainEqual(expect.objectContaining({ level: 'error', event: 'chat.delivery_abandoned', connections: 1, attempts: DEFAULT_DELIVERY_ATTEMPTS }));
  });

  test('when the retry cannot be queued, the job goes back to SQS whole', async () => {
    api.on(PostToConnectionCommand, { ConnectionId: 'broken=' }).rejects(new Error('socket hang up'));
    sqs.on(SendMessageBatchCommand).rejects(new Error('sqs down'));

    const result = await run(deliverJob(['fine=', 'broken=']));

    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'sqs-0' }]);
  });

  test(`keeps at most ${DEFAULT_POSTS_IN_FLIGHT} posts in flight across all the jobs of a batch`, async () => {
    let inFlight = 0;
    let peak = 0;
    api.on(PostToConnectionCommand).callsFake(async () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      return {};
    });

    await run(...Array.from({ length: 10 }, (_, job) => deliverJob(ids(100, `j${job}`))));

    expect(postedFrames(api)).toHaveLength(1000);
    expect(peak).toBe(DEFAULT_POSTS_IN_FLIGHT);
  });
});

test('a malformed job is logged and reported as failed, and the rest of the batch is delivered', async () => {
  const result = await run('not json', JSON.stringify({ kind: 'deliver', messageId: 'm', frame: 'f', connectionIds: [], attempt: 1 }), deliverJob(['a=']));

  expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'sqs-0' }, { itemIdentifier: 'sqs-1' }]);
  expect(postedFrames(api).map((p) => p.connectionId)).toEqual(['a=']);
  expect(logs.entries().filter((e) => e.event === 'chat.fan_out_job_invalid')).toHaveLength(2);
});

test('one message reaches 10,000 connections exactly once, through the queue, with some posts failing once on the way', async () => {
  const everyone = ids(10_000);
  // 1,000 rows a Scan page, as a table of larger rows would page.
  let scan = dynamo.on(ScanCommand);
  for (let page = 0; page < 10; page += 1) {
    const rows = everyone.slice(page * 1000, (page + 1) * 1000).map((connectionId) => ({ connectionId }));
    scan = scan.resolvesOnce(page < 9 ? { Items: rows, LastEvaluatedKey: { connectionId: `conn-${page * 1000 + 999}=` } } : { Items: rows });
  }
  const received = new Map<string, number>();
  const throttledOnce = new Set(everyone.filter((_, index) => index % 97 === 0));
  api.on(PostToConnectionCommand).callsFake(async (input: { ConnectionId: string }) => {
    if (throttledOnce.delete(input.ConnectionId)) throw new LimitExceededException({ message: 'slow down', $metadata: { httpStatusCode: 429 } });
    received.set(input.ConnectionId, (received.get(input.ConnectionId) ?? 0) + 1);
    return {};
  });
  // The queue, in memory: whatever the worker sends comes back to it in batches of ten, as the event source mapping delivers.
  let pending: FanOutJob[] = [broadcastJob];
  sqs.on(SendMessageBatchCommand).callsFake(async (input: { Entries: Array<{ MessageBody: string }> }) => {
    pending.push(...input.Entries.map((entry) => JSON.parse(entry.MessageBody) as FanOutJob));
    return {};
  });
  let invocations = 0;
  while (pending.length > 0) {
    const batch = pending.slice(0, 10);
    pending = pending.slice(10);
    const result = await run(...batch);
    expect(result.batchItemFailures).toEqual([]);
    invocations += 1;
  }

  expect(received.size).toBe(10_000);
  expect([...received.values()].every((count) => count === 1)).toBe(true);
  // 100 deliver jobs plus the retries of the throttled ones, ten to an invocation: no invocation posts to more than a thousand.
  expect(invocations).toBeGreaterThanOrEqual(11);
});
