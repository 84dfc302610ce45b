/**
 * `$disconnect` route: forgets the connection.
 *
 * Env: TABLE_NAME (required).
 * IAM: dynamodb:DeleteItem on the connections table.
 */
import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { describeError } from '../shared/error-fields';
import { log } from '../shared/json-logger';
import { deleteConnection } from './connections';
import { ok, serverError, type RouteResult } from './responses';

export async function handler(event: APIGatewayProxyWebsocketEventV2): Promise<RouteResult> {
  const { connectionId } = event.requestContext;
  try {
    await deleteConnection(connectionId);
  } catch (error) {
    // The connection is closed whatever we answer; the row's TTL removes it later.
    log.error('chat.disconnect_cleanup_failed', { connectionId, ...describeError(error) });
    return serverError();
  }
  log.info('chat.disconnected', { connectionId });
  return ok();
}
