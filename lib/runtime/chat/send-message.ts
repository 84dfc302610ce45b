/**
 * `sendmessage` route: validates the frame, stores the message in the history and queues one
 * broadcast job. The fan-out worker does the posting (fan-out.ts), so this route answers in the same
 * few milliseconds with ten viewers or ten thousand.
 *
 * Env: MESSAGES_TABLE_NAME, FAN_OUT_QUEUE_URL (required); MAX_MESSAGE_BYTES (default 2048),
 *      CHAT_HISTORY_DAYS (default 30); CALLBACK_URL (optional; for the error reply to the sender).
 * IAM: dynamodb:PutItem on the messages table, sqs:SendMessage on the fan-out queue,
 *      execute-api:ManageConnections on the API's stage (error replies).
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { positiveIntegerEnv } from '../shared/env';
import { describeError } from '../shared/error-fields';
import { log } from '../shared/json-logger';
import { enqueueJobs } from './fan-out-queue';
import { storeMessage } from './message-history';
import { chatMessageFrame, parseSendMessage } from './message';
import type { ChatMessage } from './message-table-schema';
import { rejectFrame } from './reject-frame';
import { ok, serverError, type RouteResult } from './responses';

export const DEFAULT_MAX_MESSAGE_BYTES = 2048;
export const DEFAULT_CHAT_HISTORY_DAYS = 30;

// Read at cold start: a malformed value fails init with a clear message.
const maxMessageBytes = positiveIntegerEnv('MAX_MESSAGE_BYTES', DEFAULT_MAX_MESSAGE_BYTES);
const historyDays = positiveIntegerEnv('CHAT_HISTORY_DAYS', DEFAULT_CHAT_HISTORY_DAYS);

export async function handler(event: APIGatewayProxyWebsocketEventV2): Promise<RouteResult> {
  const { connectionId } = event.requestContext;
  const parsed = parseSendMessage(event.body, event.isBase64Encoded, maxMessageBytes);
  if (!parsed.ok) return rejectFrame(event, parsed.reason);

  const sentAt = new Date();
  const message: ChatMessage = { id: randomUUID(), data: parsed.data, from: connectionId, sentAt: sentAt.toISOString() };
  try {
    // Stored before it is sent: a message anyone saw is always in the history.
    await storeMessage(message, Math.floor(sentAt.getTime() / 1000) + historyDays * 86_400);
    await enqueueJobs([{ kind: 'broadcast', messageId: message.id, frame: chatMessageFrame(message) }]);
  } catch (error) {
    log.error('chat.send_failed', { connectionId, messageId: message.id, ...describeError(error) });
    return serverError();
  }
  log.info('chat.message_queued', { connectionId, messageId: message.id, messageBytes: Buffer.byteLength(parsed.data, 'utf8') });
  return ok(JSON.stringify({ id: message.id }));
}
