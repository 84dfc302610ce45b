/**
 * Request-body reading with a size cap, and JSON replies. Every error answer the collector
 * gives goes through `sendError`, so clients always get `{"error": "..."}`.
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

/**
 * Reads the whole body, or throws HttpError 413 once it exceeds `maxBytes`. A body
 * declared too large is refused unread; one that turns out too large is drained (up to
 * a bound) so the client is still reading when the 413 arrives.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = new HttpError(413, `request body must be at most ${maxBytes} bytes`, { Connection: 'close' });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(tooLarge);

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= maxBytes) chunks.push(chunk);
      else if (received > maxBytes * 4) req.destroy();
    });
    req.on('end', () => (received > maxBytes ? reject(tooLarge) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(received > maxBytes ? tooLarge : new Error('client aborted the request'));
    });
  });
}

/** The body parsed as JSON; HttpError 400 when it is empty or not JSON, 413 when too large. */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const text = (await readBody(req, maxBytes)).toString('utf8');
  if (text.trim() === '') throw new HttpError(400, 'request body is empty; send JSON');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'request body is not valid JSON');
  }
}

/** Sends `body` as JSON with `status`; answers are never cached. */
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

/** `decodeURIComponent` that answers 400 instead of throwing URIError. */
export function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new HttpError(400, 'path is not valid percent-encoding');
  }
}
