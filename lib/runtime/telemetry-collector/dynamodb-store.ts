/**
 * A TelemetryStore on the DynamoDB real-time table (stage 4): one item per device and
 * moment in the shared format of `telemetry/realtime-item`, expiring after the hot window.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { StorageUnavailableError } from '../shared/storage-unavailable';
import type { Reading } from '../telemetry/reading';
import { fromRealtimeItem, REALTIME_KEYS, toRealtimeItems, type RealtimeItem } from '../telemetry/realtime-item';
import { batchWriteAll, DEFAULT_BATCH_WRITE_OPTIONS, UnprocessedItemsError, type BatchWriteOptions, type DocumentSender } from './dynamodb-batch-write';
import { byTimeThenMetric, newestPerMetric } from './reading-summaries';
import { LATEST_RECORDS_EXAMINED, type TelemetryStore } from './telemetry-store';

export interface DynamoDbStoreOptions {
  client: DocumentSender;
  tableName: string;
  /** Days an item lives before TTL deletes it. */
  hotWindowDays: number;
  batchWrite?: BatchWriteOptions;
  /** Items per Query page of `window`; unset means DynamoDB's own 1 MB pages. */
  windowPageSize?: number;
}

/** Items per Query page of `latest`: most answers need only the newest few. */
const LATEST_PAGE_SIZE = 25;

export class DynamoDbStore implements TelemetryStore {
  private readonly client: DocumentSender;
  private readonly tableName: string;
  private readonly hotWindowDays: number;
  private readonly batchWrite: BatchWriteOptions;
  private readonly windowPageSize: number | undefined;

  constructor(options: DynamoDbStoreOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.hotWindowDays = options.hotWindowDays;
    this.batchWrite = options.batchWrite ?? DEFAULT_BATCH_WRITE_OPTIONS;
    this.windowPageSize = options.windowPageSize;
  }

  async write(readings: readonly Reading[]): Promise<void> {
    const items = toRealtimeItems(readings, this.hotWindowDays);
    await this.run(() => batchWriteAll(this.client, this.tableName, items, this.batchWrite));
  }

  /** Newest items first, a page at a time, until LATEST_RECORDS_EXAMINED items or the device's last item. */
  async latest(deviceId: string): Promise<Reading[]> {
    const items = await this.query({ ...itemsOfDevice(deviceId), ScanIndexForward: false }, LATEST_RECORDS_EXAMINED, LATEST_PAGE_SIZE);
    return newestPerMetric(items.flatMap(fromRealtimeItem));
  }

  async window(deviceId: string, from: Date, to: Date): Promise<Reading[]> {
    const items = await this.query(
      {
        KeyConditionExpression: '#device = :device AND #ts BETWEEN :from AND :to',
        ExpressionAttributeNames: { '#device': REALTIME_KEYS.partition, '#ts': REALTIME_KEYS.sort },
        ExpressionAttributeValues: { ':device': deviceId, ':from': from.getTime(), ':to': to.getTime() },
        ScanIndexForward: true,
      },
      Infinity,
      this.windowPageSize,
    );
    // Items come oldest first; only the metrics inside each item need ordering.
    return items.flatMap((item) => fromRealtimeItem(item).sort(byTimeThenMetric));
  }

  /** A Query that reads no item still proves the table answers and the role may read it. */
  async ping(): Promise<void> {
    await this.query(itemsOfDevice('\u0000ping'), 1, 1);
  }

  async close(): Promise<void> {}

  /** Follows LastEvaluatedKey until `maxItems` items or the end. */
  private async query(input: Omit<QueryCommandInput, 'TableName'>, maxItems: number, pageSize?: number): Promise<RealtimeItem[]> {
    return this.run(async () => {
      const items: RealtimeItem[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await this.client.send(
          new QueryCommand({ ...input, TableName: this.tableName, ExclusiveStartKey: startKey, Limit: pageSize }),
        );
        items.push(...((page.Items ?? []) as RealtimeItem[]));
        startKey = page.LastEvaluatedKey;
      } while (startKey && items.length < maxItems);
      return items.slice(0, maxItems);
    });
  }

  private async run<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw isDynamoDbUnavailable(error) ? new StorageUnavailableError(error) : error;
    }
  }
}

/** A Query of all of one device's items. */
function itemsOfDevice(deviceId: string): Omit<QueryCommandInput, 'TableName'> {
  return { KeyConditionExpression: '#device = :device', ExpressionAttributeNames: { '#device': REALTIME_KEYS.partition }, ExpressionAttributeValues: { ':device': deviceId } };
}

const THROTTLING = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded', 'TimeoutError', 'CredentialsProviderError']);
const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/** Throttling, DynamoDB's own 5xx, and not reaching it at all: try again later. */
export function isDynamoDbUnavailable(error: unknown): boolean {
  if (error instanceof UnprocessedItemsError) return true;
  const { name, code, $fault, $metadata } = (error ?? {}) as { name?: unknown; code?: unknown; $fault?: unknown; $metadata?: { httpStatusCode?: unknown } };
  // The SDK gives every error it saw through its retries $metadata; without an HTTP status, no answer came back.
  const noAnswer = typeof $metadata === 'object' && $metadata !== null && $metadata.httpStatusCode === undefined;
  return $fault === 'server' || noAnswer || (typeof name === 'string' && THROTTLING.has(name)) || (typeof code === 'string' && NETWORK_ERROR_CODES.has(code));
}

/**
 * A store on the table with the SDK's own retries of throttled and failed requests, and
 * time limits so a request fails within seconds while DynamoDB cannot be reached.
 */
export function openDynamoDbStore(options: { region: string | undefined; tableName: string; hotWindowDays: number }): DynamoDbStore {
  const client = new DynamoDBClient({ region: options.region, maxAttempts: 3, requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000 } });
  return new DynamoDbStore({ client: DynamoDBDocumentClient.from(client), tableName: options.tableName, hotWindowDays: options.hotWindowDays });
}
