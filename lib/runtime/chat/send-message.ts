/**
 * `sendmessage` route: validates the frame and broadcasts it to every connection.
 *
 * Env: TABLE_NAME (required), MAX_MESSAGE_BYTES (optional, default 2048),
 *      CALLBACK_URL (optional; stage callback URL, else derived from the request).
 * IAM: dynamodb:Scan and dynamodb:DeleteItem on the connections table,
 *      execute-api:ManageConnections on the API's stage (POST @connections).
 */
import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { positiveIntegerEnv } from '../shared/env';
import { describeError } from '../shared/error-fields';
import { log } from '../shared/json-logger';
import { broadcast } from './broadcast';
import { listConnectionIds } from './connections';
import { managementClientFor } from './management-api';
import { chatMessageFrame, parseSendMessage } from './message';
import { rejectFrame } from './reject-frame';
import { ok, serverError, type RouteResult } from './responses';

export const DEFAULT_MAX_MESSAGE_BYTES = 2048;

// Read at cold start: a malformed value fails init with a clear message.
const maxMessageBytes = positiveIntegerEnv('MAX_MESSAGE_BYTES', DEFAULT_MAX_MESSAGE_BYTES);

export async function handler(event: APIGatewayProxyWebsocketEventV2): Promise<RouteResult> {
  const { connectionId } = event.requestContext;
  const parsed = parseSendMessage(event.body, event.isBase64Encoded, maxMessageBytes);
  if (!parsed.ok) return rejectFrame(event, parsed.reason);

  let recipients: string[];
  try {
    recipients = await listConnectionIds();
  } catch (error) {
    log.error('chat.list_connections_failed', { connectionId, ...describeError(error) });
    return serverError();
  }

  const frame = chatMessageFrame(parsed.data, connectionId, new Date());
  const summary = await broadcast(managementClientFor(event.requestContext), recipients, frame);
  log.info('chat.broadcast', {
    connectionId,
    messageBytes: Buffer.byteLength(parsed.data, 'utf8'),
    recipients: recipients.length,
    ...summary,
  });
  return ok(JSON.stringify(summary));
}
