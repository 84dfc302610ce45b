/**
 * Request-body reading with a size cap, and JSON replies. Every error answer an app gives goes
 * through `sendError`, so clients always get `{"error": "..."}`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error whose message is safe to show to the client, with the status to answer. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** How much body an endpoint takes. */
export interface BodyLimit {
  /** Larger bodies are answered with 413. */
  maxBytes: number;
  /** A body that turns out too large is read and dropped up to `maxBytes * drainFactor`, then the connection is cut. */
  drainFactor: number;
}

/** A BodyLimit for JSON, and what the 400 for an empty body asks the client to send. */
export interface JsonBodyLimit extends BodyLimit {
  /** Completes "request body is empty; send …", e.g. `JSON` or `a JSON object`. */
  expected: string;
}

/**
 * Reads the whole body, or throws HttpError 413 once it exceeds `maxBytes`. A body
 * declared too large is refused unread; one that turns out too large is drained (up to
 * a bound) so the client is still reading when the 413 arrives.
 */
export function readBody(req: IncomingMessage, { maxBytes, drainFactor }: BodyLimit): Promise<Buffer> {
  const tooLarge = new HttpError(413, `request body must be at most ${maxBytes} bytes`, { Connection: 'close' });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(tooLarge);

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= maxBytes) chunks.push(chunk);
      else if (received > maxBytes * drainFactor) req.destroy();
    });
    req.on('end', () => (received > maxBytes ? reject(tooLarge) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(received > maxBytes ? tooLarge : new Error('client aborted the request'));
    });
  });
}

/** The body parsed as JSON; HttpError 400 when it is empty or not JSON, 413 when too large. */
export async function readJsonBody(req: IncomingMessage, limit: JsonBodyLimit): Promise<unknown> {
  const text = (await readBody(req, limit)).toString('utf8');
  if (text.trim() === '') throw new HttpError(400, `request body is empty; send ${limit.expected}`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'request body is not valid JSON');
  }
}

/** Sends `body` as JSON with `status`; API answers are never cached. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(payload);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, { error: error.message }, error.headers);
}

/** A 302 to `location`, not cached: presigned targets expire. */
export function sendRedirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { Location: location, 'Cache-Control': 'no-store', 'Content-Length': 0 });
  res.end();
}

/** `decodeURIComponent` that answers 400 instead of throwing URIError. */
export function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new HttpError(400, 'path is not valid percent-encoding');
  }
}
