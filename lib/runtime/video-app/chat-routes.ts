/**
 * The chat pool's HTTP API (the WebSocket lives in chat-hub.ts).
 */
import { HttpError, sendJson } from '../shared/http-helpers';
import type { Route } from '../shared/http-router';
import type { ChatLog } from './storage';

export interface ChatRouteDeps {
  messages: ChatLog;
  /** Most messages one history request returns. */
  historyLimit: number;
}

export function chatRoutes({ messages, historyLimit }: ChatRouteDeps): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/chat/history',
      handle: async ({ res, query }) => sendJson(res, 200, await messages.recent(requestedLimit(query, historyLimit))),
    },
  ];
}

/** `?limit=N`, capped at `max`; absent means `max`. */
function requestedLimit(query: URLSearchParams, max: number): number {
  const raw = query.get('limit');
  if (raw === null) return max;
  const limit = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new HttpError(400, `limit must be a positive integer (at most ${max} are returned)`);
  return Math.min(limit, max);
}
