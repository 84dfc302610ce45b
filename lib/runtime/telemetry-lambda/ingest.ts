/**
 * IoT topic rule action: stores one device message in the real-time table. The rule invokes the
 * function asynchronously, once per MQTT message.
 *
 * Invalid messages are answered, not thrown: a retry cannot fix them. A failed write throws, so the
 * asynchronous invocation is retried and, when retries run out, the on-failure destination (an SQS
 * dead-letter queue) keeps the event.
 *
 * Env: TABLE_NAME (required), HOT_WINDOW_DAYS (optional, default 7),
 *      DYNAMODB_ENDPOINT (tests and local runs only).
 * IAM: dynamodb:PutItem on the real-time table.
 */
import { positiveIntegerEnv } from '../shared/env';
import { describeError } from '../shared/error-fields';
import { log } from '../shared/json-logger';
import { validateRecord } from '../telemetry/reading';
import { toRealtimeItems } from '../telemetry/realtime-item';
import { putRealtimeItem } from './realtime-table';
import { recordFromRuleEvent } from './rule-event';

/** How long an item stays in the real-time table before TTL may delete it; the archive keeps history. */
export const DEFAULT_HOT_WINDOW_DAYS = 7;

// Read at cold start: a malformed value fails init with a clear message.
const hotWindowDays = positiveIntegerEnv('HOT_WINDOW_DAYS', DEFAULT_HOT_WINDOW_DAYS);

/** What one invocation did; the asynchronous invoke discards it, tests and on-success destinations read it. */
export type IngestResult =
  | { readonly status: 'stored'; readonly deviceId: string; readonly ts: number }
  | { readonly status: 'rejected'; readonly reason: string };

export async function handler(event: unknown): Promise<IngestResult> {
  const extracted = recordFromRuleEvent(event);
  const validated = extracted.ok ? validateRecord(extracted.record, new Date()) : extracted;
  if (!validated.ok) {
    log.warn('telemetry.rejected', { topicDeviceId: topicDeviceIdOf(event), reason: validated.reason });
    return { status: 'rejected', reason: validated.reason };
  }

  // One record is one device at one moment, so it makes exactly one item.
  const [item, ...unexpected] = toRealtimeItems(validated.readings, hotWindowDays);
  if (item === undefined || unexpected.length > 0) {
    throw new Error('A valid record must make exactly one real-time item');
  }
  try {
    await putRealtimeItem(item);
  } catch (error) {
    log.error('telemetry.store_failed', { deviceId: item.deviceId, ts: item.ts, ...describeError(error) });
    throw error;
  }
  // Stored messages are not logged: at 100 million a day the log lines would cost more than the
  // function; Lambda's invocation metrics count them.
  return { status: 'stored', deviceId: item.deviceId, ts: item.ts };
}

/** The topic's device id for the log, if the event has one; it is authenticated, so not payload data. */
function topicDeviceIdOf(event: unknown): string | undefined {
  const id = (event as { topicDeviceId?: unknown } | null)?.topicDeviceId;
  return typeof id === 'string' ? id.slice(0, 128) : undefined;
}
