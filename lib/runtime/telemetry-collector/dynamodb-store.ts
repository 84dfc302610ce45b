/**
 * A TelemetryStore on the DynamoDB real-time table (stage 4): one item per device and
 * moment in the shared format of `telemetry/realtime-item`, expiring after the hot window.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { StorageUnavailableError } from '../shared/storage-unavailable';
import type { MetricStats } from '../telemetry/metric-stats';
import type { Reading } from '../telemetry/reading';
import { toRealtimeItems } from '../telemetry/realtime-item';
import { itemsOfDevice, newestReadings, STATS_PAGE_SIZE, windowStats } from '../telemetry/realtime-reads';
import { batchWriteAll, DEFAULT_BATCH_WRITE_OPTIONS, UnprocessedItemsError, type BatchWriteOptions, type DocumentSender } from './dynamodb-batch-write';
import type { TelemetryStore } from './telemetry-store';

export interface DynamoDbStoreOptions {
  client: DocumentSender;
  tableName: string;
  /** Days an item lives before TTL deletes it. */
  hotWindowDays: number;
  batchWrite?: BatchWriteOptions;
  /** Items per Query page of `stats`: the most the store holds in memory at once. */
  statsPageSize?: number;
}

export class DynamoDbStore implements TelemetryStore {
  private readonly client: DocumentSender;
  private readonly tableName: string;
  private readonly hotWindowDays: number;
  private readonly batchWrite: BatchWriteOptions;
  private readonly statsPageSize: number;

  constructor(options: DynamoDbStoreOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.hotWindowDays = options.hotWindowDays;
    this.batchWrite = options.batchWrite ?? DEFAULT_BATCH_WRITE_OPTIONS;
    this.statsPageSize = options.statsPageSize ?? STATS_PAGE_SIZE;
  }

  async write(readings: readonly Reading[]): Promise<void> {
    const items = toRealtimeItems(readings, this.hotWindowDays);
    await this.run(() => batchWriteAll(this.client, this.tableName, items, this.batchWrite));
  }

  async latest(deviceId: string): Promise<Reading[]> {
    return this.run(() => newestReadings(this.client, this.tableName, deviceId));
  }

  /** DynamoDB cannot aggregate: the window is read a page at a time and folded into running statistics. */
  async stats(deviceId: string, from: Date, to: Date): Promise<Record<string, MetricStats>> {
    return this.run(() => windowStats(this.client, this.tableName, deviceId, from, to, this.statsPageSize));
  }

  /** A Query that reads no item still proves the table answers and the role may read it. */
  async ping(): Promise<void> {
    await this.run(() => this.client.send(new QueryCommand({ TableName: this.tableName, ...itemsOfDevice('\u0000ping'), Limit: 1 })));
  }

  async close(): Promise<void> {}

  private async run<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw isDynamoDbUnavailable(error) ? new StorageUnavailableError(error) : error;
    }
  }
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
