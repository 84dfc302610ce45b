/**
 * The shared answer to an invalid client frame: tell the sender why, and answer 400.
 */
import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { describeError } from '../shared/error-fields';
import { log } from '../shared/json-logger';
import { managementClientFor, postToConnection } from './management-api';
import { chatErrorFrame } from './message';
import { badRequest, type RouteResult } from './responses';

/**
 * Posts `{"type":"error","error":reason}` to the sender only and returns a 400 result.
 * Never rejects: if the sender cannot be reached either, that is only logged.
 */
export async function rejectFrame(event: APIGatewayProxyWebsocketEventV2, reason: string): Promise<RouteResult> {
  const { connectionId, routeKey } = event.requestContext;
  log.warn('chat.frame_rejected', { connectionId, routeKey, reason, bodyLength: event.body?.length ?? 0 });
  try {
    await postToConnection(managementClientFor(event.requestContext), connectionId, chatErrorFrame(reason));
  } catch (error) {
    log.error('chat.error_reply_failed', { connectionId, ...describeError(error) });
  }
  return badRequest(reason);
}
