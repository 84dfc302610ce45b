/**
 * The real-time table's two reads, shared by the collector's DynamoDB adapter (stage 4) and the
 * serverless read API (stage 5). Both walk one device's partition a page at a time and keep only
 * what the answer needs, so memory stays the same however long the window or busy the device.
 */
import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { MetricStatsAccumulator, type MetricStats } from './metric-stats';
import { LATEST_RECORDS_EXAMINED } from './device-reports';
import { fromRealtimeItem, REALTIME_KEYS, type RealtimeItem } from './realtime-item';
import type { Reading } from './reading';

export type QuerySender = Pick<DynamoDBDocumentClient, 'send'>;

/** Items per Query page of `newestReadings`: most answers need only the newest few. */
const LATEST_PAGE_SIZE = 25;
/**
 * Items per Query page of `windowStats`. A page is the unit of memory: about 100 bytes an item,
 * so 1,000 items stay far below DynamoDB's own 1 MB page.
 */
export const STATS_PAGE_SIZE = 1_000;

/** The device's newest readings per metric, among its LATEST_RECORDS_EXAMINED most recent items. */
export async function newestReadings(client: QuerySender, tableName: string, deviceId: string): Promise<Reading[]> {
  const newest = new Map<string, Reading>();
  let examined = 0;
  await forEachPage(
    client,
    { TableName: tableName, ...itemsOfDevice(deviceId), ScanIndexForward: false, Limit: LATEST_PAGE_SIZE },
    (items) => {
      for (const item of items) {
        if (examined++ >= LATEST_RECORDS_EXAMINED) return false;
        // Newest first: the first value seen of a metric is its newest.
        for (const reading of fromRealtimeItem(item)) if (!newest.has(reading.metric)) newest.set(reading.metric, reading);
      }
      return examined < LATEST_RECORDS_EXAMINED;
    },
  );
  return [...newest.values()].sort((a, b) => (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0));
}

/** count/min/max/mean per metric of the device's items with `from <= ts <= to`, page by page. */
export async function windowStats(
  client: QuerySender,
  tableName: string,
  deviceId: string,
  from: Date,
  to: Date,
  pageSize: number = STATS_PAGE_SIZE,
): Promise<Record<string, MetricStats>> {
  const stats = new MetricStatsAccumulator();
  await forEachPage(
    client,
    {
      TableName: tableName,
      KeyConditionExpression: '#device = :device AND #ts BETWEEN :from AND :to',
      // The key and the readings map: the expiry time is not needed, and not read.
      ProjectionExpression: '#readings',
      ExpressionAttributeNames: { '#device': REALTIME_KEYS.partition, '#ts': REALTIME_KEYS.sort, '#readings': 'readings' },
      ExpressionAttributeValues: { ':device': deviceId, ':from': from.getTime(), ':to': to.getTime() },
      Limit: pageSize,
    },
    (items) => {
      for (const item of items) for (const [metric, value] of Object.entries(item.readings ?? {})) stats.add(metric, Number(value));
      return true;
    },
  );
  return stats.result();
}

/** A Query of all of one device's items. */
export function itemsOfDevice(deviceId: string): Pick<QueryCommandInput, 'KeyConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'> {
  return { KeyConditionExpression: '#device = :device', ExpressionAttributeNames: { '#device': REALTIME_KEYS.partition }, ExpressionAttributeValues: { ':device': deviceId } };
}

/** Follows LastEvaluatedKey, handing each page to `visit` and dropping it, until the end or `visit` says stop. */
async function forEachPage(client: QuerySender, input: QueryCommandInput, visit: (items: RealtimeItem[]) => boolean): Promise<void> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    if (!visit((page.Items ?? []) as RealtimeItem[])) return;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}
