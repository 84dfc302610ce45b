/**
 * Puts any number of items with BatchWriteItem: groups of 25 (the API's limit), a few
 * groups at a time, and DynamoDB's UnprocessedItems (its answer to throttling) retried
 * with bounded exponential backoff.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const BATCH_WRITE_GROUP_SIZE = 25;

export interface BatchWriteOptions {
  /** Sends of one group, the first included, before giving up on its unprocessed items. */
  maxAttempts: number;
  /** Backoff before the second attempt; doubles per attempt up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Groups in flight at once. */
  concurrency: number;
  sleep(ms: number): Promise<void>;
}

export const DEFAULT_BATCH_WRITE_OPTIONS: BatchWriteOptions = {
  maxAttempts: 8,
  baseDelayMs: 50,
  maxDelayMs: 2_000,
  concurrency: 4,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Items DynamoDB still had not written after every attempt. */
export class UnprocessedItemsError extends Error {
  constructor(
    readonly unprocessed: number,
    attempts: number,
  ) {
    super(`DynamoDB left ${unprocessed} item(s) unprocessed after ${attempts} attempts`);
    this.name = 'UnprocessedItemsError';
  }
}

export type DocumentSender = Pick<DynamoDBDocumentClient, 'send'>;
type WriteRequest = { PutRequest: { Item: Record<string, unknown> } };

/**
 * Resolves once every item is written; otherwise rejects with the first failure, after the
 * groups already in flight have finished (so nothing is still writing once it has answered).
 */
export async function batchWriteAll(
  client: DocumentSender,
  tableName: string,
  items: readonly object[],
  options: BatchWriteOptions = DEFAULT_BATCH_WRITE_OPTIONS,
): Promise<void> {
  const groups: WriteRequest[][] = [];
  for (let start = 0; start < items.length; start += BATCH_WRITE_GROUP_SIZE) {
    groups.push(items.slice(start, start + BATCH_WRITE_GROUP_SIZE).map((item) => ({ PutRequest: { Item: item as Record<string, unknown> } })));
  }
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (!failure && next < groups.length) {
      const group = groups[next++];
      try {
        await writeGroup(client, tableName, group, options);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, groups.length) }, worker));
  if (failure) throw failure.error;
}

async function writeGroup(client: DocumentSender, tableName: string, group: WriteRequest[], options: BatchWriteOptions): Promise<void> {
  let pending = group;
  for (let attempt = 1; ; attempt++) {
    const { UnprocessedItems } = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
    pending = (UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
    if (pending.length === 0) return;
    if (attempt >= options.maxAttempts) throw new UnprocessedItemsError(pending.length, attempt);
    await options.sleep(backoffMs(attempt, options));
  }
}

/** Exponential with "equal jitter": at least half the step, so retries spread out but never hammer. */
export function backoffMs(attempt: number, options: Pick<BatchWriteOptions, 'baseDelayMs' | 'maxDelayMs'>, random: () => number = Math.random): number {
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}
