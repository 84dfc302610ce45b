/**
 * The chat WebSocket wire protocol: parsing client frames and building server frames.
 * Pure functions; no I/O. Same frames as the serverless chat in lib/runtime/chat.
 */
import type { ChatMessage } from './storage';

/** The only action clients may send. */
export const SEND_MESSAGE_ACTION = 'sendmessage';

const EXPECTED_SHAPE = `{"action":"${SEND_MESSAGE_ACTION}","data":"<text>"}`;

/** A parsed client frame; `error` is safe to show to the sender. */
export type ParsedClientFrame = { ok: true; data: string } | { ok: false; error: string };

/** Validates a client frame; `data` must be a non-empty string of at most `maxBytes` UTF-8 bytes. */
export function parseClientFrame(frame: string, maxBytes: number): ParsedClientFrame {
  let parsed: unknown;
  try {
    parsed = JSON.parse(frame);
  } catch {
    return { ok: false, error: `frame is not valid JSON; send ${EXPECTED_SHAPE}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, error: `frame must be a JSON object; send ${EXPECTED_SHAPE}` };
  }

  const { action, data } = parsed as { action?: unknown; data?: unknown };
  // The unknown action is not echoed back: it is arbitrary client input.
  if (action !== SEND_MESSAGE_ACTION) {
    return { ok: false, error: `unknown or missing action; the only valid action is "${SEND_MESSAGE_ACTION}": send ${EXPECTED_SHAPE}` };
  }
  if (data === undefined || data === null) return { ok: false, error: '"data" is required' };
  if (typeof data !== 'string') return { ok: false, error: '"data" must be a string' };
  if (data.trim().length === 0) return { ok: false, error: '"data" must not be empty' };
  const bytes = Buffer.byteLength(data, 'utf8');
  if (bytes > maxBytes) return { ok: false, error: `"data" is ${bytes} bytes; the limit is ${maxBytes} bytes (UTF-8)` };
  return { ok: true, data };
}

/** The answer to a frame that could not be parsed as text at all. */
export const BINARY_FRAME_ERROR = `binary frames are not supported; send ${EXPECTED_SHAPE} as text`;

export function messageFrame(message: ChatMessage): string {
  return JSON.stringify({ type: 'message', id: message.id, data: message.data, sentAt: message.sentAt });
}

export function errorFrame(error: string): string {
  return JSON.stringify({ type: 'error', error });
}
