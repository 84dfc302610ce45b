/**
 * `$connect` route: records the new connection so broadcasts can reach it.
 *
 * Env: TABLE_NAME (required), CONNECTION_TTL_SECONDS (optional, default 7200).
 * IAM: dynamodb:PutItem on the connections table.
 */
import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { positiveIntegerEnv } from '../shared/env';
import { describeError } from '../shared/error-fields';
import { log } from '../shared/json-logger';
import { putConnection } from './connections';
import { ok, serverError, type RouteResult } from './responses';

/**
 * API Gateway closes every WebSocket connection after 2 hours, and $disconnect is
 * best effort; the TTL makes rows of connections that vanished silently expire.
 */
export const DEFAULT_CONNECTION_TTL_SECONDS = 2 * 60 * 60;

// Read at cold start: a malformed value fails init with a clear message.
const connectionTtlSeconds = positiveIntegerEnv('CONNECTION_TTL_SECONDS', DEFAULT_CONNECTION_TTL_SECONDS);

export async function handler(event: APIGatewayProxyWebsocketEventV2): Promise<RouteResult> {
  const { connectionId, connectedAt } = event.requestContext;
  const expiresAt = Math.floor(Date.now() / 1000) + connectionTtlSeconds;
  try {
    await putConnection(connectionId, new Date(connectedAt ?? Date.now()), expiresAt);
  } catch (error) {
    // A non-2xx answer makes API Gateway refuse the connection, which beats accepting
    // a client that no broadcast would ever reach.
    log.error('chat.connect_failed', { connectionId, ...describeError(error) });
    return serverError();
  }
  log.info('chat.connected', { connectionId, expiresAt });
  return ok();
}
