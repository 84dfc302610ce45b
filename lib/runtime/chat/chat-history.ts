/**
 * `GET /chat/history?limit=N` on the platform's HTTP API: the most recent chat messages, oldest
 * first, as the chat pool answered it, so a viewer who joins late sees what was said.
 *
 * Env: MESSAGES_TABLE_NAME (required), CHAT_HISTORY_LIMIT (default 50: the most one request returns).
 * IAM: dynamodb:Query on the messages table.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { positiveIntegerEnv } from '../shared/env';
import { describeError } from '../shared/error-fields';
import { log } from '../shared/json-logger';
import { recentMessages } from './message-history';

export const DEFAULT_CHAT_HISTORY_LIMIT = 50;

// Read at cold start: a malformed value fails init with a clear message.
const historyLimit = positiveIntegerEnv('CHAT_HISTORY_LIMIT', DEFAULT_CHAT_HISTORY_LIMIT);

const json = (statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
});

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const raw = event.queryStringParameters?.limit;
  const requested = raw === undefined ? historyLimit : /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(requested) || requested < 1) {
    return json(400, { error: `limit must be a positive integer (at most ${historyLimit} are returned)` });
  }
  try {
    const messages = await recentMessages(Math.min(requested, historyLimit));
    return json(200, messages.map(({ id, data, sentAt }) => ({ id, data, sentAt })));
  } catch (error) {
    log.error('chat.history_failed', describeError(error));
    return json(503, { error: 'chat history is unavailable; try again shortly' });
  }
}
