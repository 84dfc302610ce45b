import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  backoffMs,
  batchWriteAll,
  DEFAULT_BATCH_WRITE_OPTIONS,
  UnprocessedItemsError,
  type BatchWriteOptions,
  type DocumentSender,
} from '../../../lib/runtime/telemetry-collector/dynamodb-batch-write';
import { isDynamoDbUnavailable } from '../../../lib/runtime/telemetry-collector/dynamodb-store';

type Put = { PutRequest: { Item: { id: number } } };

/**
 * A BatchWriteItem endpoint that leaves the items `unprocess` picks unprocessed; it records
 * the ids of every request it receives.
 */
function fakeDynamoDb(unprocess: (ids: number[], call: number) => number[]) {
  const requests: number[][] = [];
  const sender = {
    send: async (command: BatchWriteCommand) => {
      const puts = command.input.RequestItems!.table as Put[];
      const ids = puts.map((p) => p.PutRequest.Item.id);
      requests.push(ids);
      const left = unprocess(ids, requests.length);
      return { UnprocessedItems: left.length ? { table: puts.filter((p) => left.includes(p.PutRequest.Item.id)) } : {} };
    },
  } as unknown as DocumentSender;
  return { sender, requests };
}

function items(count: number) {
  return Array.from({ length: count }, (_, id) => ({ id }));
}

function options(overrides: Partial<BatchWriteOptions> = {}): BatchWriteOptions & { waits: number[] } {
  const waits: number[] = [];
  return { ...DEFAULT_BATCH_WRITE_OPTIONS, sleep: async (ms) => void waits.push(ms), waits, ...overrides };
}

describe('batchWriteAll', () => {
  test('sends groups of at most 25 items, every item once', async () => {
    const { sender, requests } = fakeDynamoDb(() => []);
    await batchWriteAll(sender, 'table', items(60), options());
    expect(requests.map((r) => r.length).sort((a, b) => b - a)).toEqual([25, 25, 10]);
    expect(requests.flat().sort((a, b) => a - b)).toEqual(items(60).map((i) => i.id));
  });

  test('resends only the unprocessed items, backing off between attempts', async () => {
    const { sender, requests } = fakeDynamoDb((ids, call) => (call <= 2 ? ids.slice(0, 3) : []));
    const opts = options({ concurrency: 1 });
    await batchWriteAll(sender, 'table', items(10), opts);
    expect(requests).toEqual([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [0, 1, 2], [0, 1, 2]]);
    expect(opts.waits).toHaveLength(2);
    expect(opts.waits[0]).toBeGreaterThanOrEqual(25);
    expect(opts.waits[0]).toBeLessThanOrEqual(50);
    expect(opts.waits[1]).toBeGreaterThanOrEqual(50);
    expect(opts.waits[1]).toBeLessThanOrEqual(100);
  });

  test('gives up after 8 attempts with an error that counts as an outage', async () => {
    const { sender, requests } = fakeDynamoDb((ids) => ids.slice(0, 1));
    const opts = options();
    const failure = batchWriteAll(sender, 'table', items(5), opts);
    await expect(failure).rejects.toBeInstanceOf(UnprocessedItemsError);
    await expect(failure).rejects.toThrow('DynamoDB left 1 item(s) unprocessed after 8 attempts');
    expect(requests).toHaveLength(8);
    expect(opts.waits).toHaveLength(7);
    expect(isDynamoDbUnavailable(await failure.catch((e: unknown) => e))).toBe(true);
  });

  test('after a group fails, starts no further groups and waits for those in flight', async () => {
    const { sender, requests } = fakeDynamoDb((ids) => (ids[0] === 0 ? ids : []));
    await expect(batchWriteAll(sender, 'table', items(25 * 10), options({ concurrency: 2, maxAttempts: 2 }))).rejects.toBeInstanceOf(UnprocessedItemsError);
    // Had every group been sent anyway: 10 first attempts plus group 0's retry.
    expect(requests.length).toBeLessThan(11);
  });

  test('backoff doubles up to the cap, with jitter within the upper half of each step', () => {
    const limits = { baseDelayMs: 50, maxDelayMs: 2000 };
    expect([1, 2, 3, 6, 7, 20].map((attempt) => backoffMs(attempt, limits, () => 1))).toEqual([50, 100, 200, 1600, 2000, 2000]);
    expect([1, 2, 3, 6, 7, 20].map((attempt) => backoffMs(attempt, limits, () => 0))).toEqual([25, 50, 100, 800, 1000, 1000]);
  });
});

describe('isDynamoDbUnavailable', () => {
  test.each([
    ['throttling', { name: 'ProvisionedThroughputExceededException', $metadata: { httpStatusCode: 400 } }],
    ['a DynamoDB 5xx', { name: 'InternalServerError', $fault: 'server', $metadata: { httpStatusCode: 500 } }],
    ['no answer at all', { name: 'Error', $metadata: { attempts: 3 } }],
    ['connection refused', { code: 'ECONNREFUSED' }],
  ])('%s is an outage', (_case, error) => expect(isDynamoDbUnavailable(error)).toBe(true));

  test.each([
    ['a validation error', { name: 'ValidationException', $fault: 'client', $metadata: { httpStatusCode: 400 } }],
    ['a missing table', { name: 'ResourceNotFoundException', $fault: 'client', $metadata: { httpStatusCode: 400 } }],
    ['a plain bug', new TypeError('x is undefined')],
  ])('%s is not', (_case, error) => expect(isDynamoDbUnavailable(error)).toBe(false));
});
