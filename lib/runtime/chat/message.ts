/**
 * The chat wire protocol: parsing client frames and building server frames.
 * Pure functions; no I/O.
 */

/** The only action clients may send. */
export const SEND_MESSAGE_ACTION = 'sendmessage';

const EXPECTED_SHAPE = `{"action":"${SEND_MESSAGE_ACTION}","data":"<text>"}`;

/** Outcome of validating a `sendmessage` frame. `reason` is safe to show to the sender. */
export type ParsedSendMessage = { ok: true; data: string } | { ok: false; reason: string };

/**
 * Validates the body of a `sendmessage` frame: a JSON object whose `data` is a
 * non-empty string of at most `maxBytes` bytes in UTF-8 (the size that is stored and
 * re-sent, not the number of characters).
 */
export function parseSendMessage(body: string | undefined, isBase64Encoded: boolean, maxBytes: number): ParsedSendMessage {
  if (isBase64Encoded) return { ok: false, reason: `Binary frames are not supported; send ${EXPECTED_SHAPE}` };
  if (body === undefined || body === '') return { ok: false, reason: `Empty frame; send ${EXPECTED_SHAPE}` };

  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, reason: `Frame is not valid JSON; send ${EXPECTED_SHAPE}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, reason: `Frame must be a JSON object; send ${EXPECTED_SHAPE}` };
  }

  const { data } = parsed as { data?: unknown };
  if (data === undefined || data === null) return { ok: false, reason: '"data" is required' };
  if (typeof data !== 'string') return { ok: false, reason: '"data" must be a string' };
  if (data.length === 0) return { ok: false, reason: '"data" must not be empty' };
  const bytes = Buffer.byteLength(data, 'utf8');
  if (bytes > maxBytes) {
    return { ok: false, reason: `"data" is ${bytes} bytes; the limit is ${maxBytes} bytes (UTF-8)` };
  }
  return { ok: true, data };
}

/**
 * Why a frame reached the `$default` route: API Gateway sends it there when the
 * frame is not JSON or its `action` matches no route.
 */
export function describeUnroutableFrame(body: string | undefined): string {
  try {
    const parsed: unknown = JSON.parse(body ?? '');
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      // The unknown action is deliberately not echoed back: it is arbitrary client input.
      return `Unknown action; the only valid action is "${SEND_MESSAGE_ACTION}": send ${EXPECTED_SHAPE}`;
    }
  } catch {
    // Falls through to the not-JSON answer.
  }
  return `Frame is not a JSON object with an action; the only valid action is "${SEND_MESSAGE_ACTION}": send ${EXPECTED_SHAPE}`;
}

/** A chat message as delivered to every connected client. */
export interface ChatMessageFrame {
  type: 'message';
  /** Unique per message: delivery is at least once, so a client drops a frame whose id it has shown. */
  id: string;
  data: string;
  /** Connection id of the sender. */
  from: string;
  /** ISO-8601 time at which the server accepted the message. */
  sentAt: string;
}

/** An error delivered only to the client whose frame was rejected. */
export interface ChatErrorFrame {
  type: 'error';
  error: string;
}

export function chatMessageFrame(message: { id: string; data: string; from: string; sentAt: string }): string {
  const frame: ChatMessageFrame = { type: 'message', id: message.id, data: message.data, from: message.from, sentAt: message.sentAt };
  return JSON.stringify(frame);
}

export function chatErrorFrame(reason: string): string {
  const frame: ChatErrorFrame = { type: 'error', error: reason };
  return JSON.stringify(frame);
}
