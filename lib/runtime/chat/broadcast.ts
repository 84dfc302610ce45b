/**
 * Fan-out of one frame to many connections, cleaning up connections that are gone.
 */
import type { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { describeError } from '../shared/error-fields';
import { log } from '../shared/json-logger';
import { mapWithConcurrency } from './bounded-concurrency';
import { deleteConnection } from './connections';
import { isGoneConnectionError, postToConnection } from './management-api';

/** How many PostToConnection calls a broadcast keeps in flight. */
export const BROADCAST_CONCURRENCY = 25;

/** Per-broadcast counts; they add up to the number of recipients. */
export interface BroadcastSummary {
  delivered: number;
  /** Recipients that were gone (HTTP 410); their rows were deleted. */
  stale: number;
  /** Recipients whose post failed for any other reason; their rows were kept. */
  failed: number;
}

/** The counts, and who to try again: the recipients whose post failed for a reason other than 410. */
export interface BroadcastResult extends BroadcastSummary {
  failedIds: string[];
}

type DeliveryOutcome = keyof BroadcastSummary;

/** Runs each post; a caller passes one to share a bound on posts in flight across broadcasts. */
export type PostRunner = <T>(post: () => Promise<T>) => Promise<T>;

/**
 * Posts `frame` to every id in `connectionIds`, at most {@link BROADCAST_CONCURRENCY} at a time unless
 * `run` bounds the posts instead. Never rejects: every per-recipient
 * failure is logged and counted instead, so one bad connection cannot stop the rest.
 */
export async function broadcast(
  client: ApiGatewayManagementApiClient,
  connectionIds: readonly string[],
  frame: string,
  run?: PostRunner,
): Promise<BroadcastResult> {
  const outcomes = run
    ? await Promise.all(connectionIds.map((id) => run(() => deliver(client, id, frame))))
    : await mapWithConcurrency(connectionIds, BROADCAST_CONCURRENCY, (id) => deliver(client, id, frame));
  const result: BroadcastResult = { delivered: 0, stale: 0, failed: 0, failedIds: [] };
  outcomes.forEach((outcome, index) => {
    result[outcome] += 1;
    if (outcome === 'failed') result.failedIds.push(connectionIds[index] as string);
  });
  return result;
}

async function deliver(
  client: ApiGatewayManagementApiClient,
  connectionId: string,
  frame: string,
): Promise<DeliveryOutcome> {
  try {
    await postToConnection(client, connectionId, frame);
    return 'delivered';
  } catch (error) {
    if (isGoneConnectionError(error)) {
      await removeStaleConnection(connectionId);
      return 'stale';
    }
    log.error('chat.post_failed', { connectionId, ...describeError(error) });
    return 'failed';
  }
}

// The recipient, not the sender, is the one that is gone. A failed delete is only
// logged: the row's TTL removes it eventually.
async function removeStaleConnection(connectionId: string): Promise<void> {
  try {
    await deleteConnection(connectionId);
    log.info('chat.stale_connection_deleted', { connectionId });
  } catch (error) {
    log.error('chat.stale_connection_delete_failed', { connectionId, ...describeError(error) });
  }
}
