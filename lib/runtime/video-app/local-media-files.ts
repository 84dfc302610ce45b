/**
 * Streams files from the local media folder (local runs only; deployed instances
 * redirect to S3 instead).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import * as path from 'node:path';
import { HttpError } from './http-helpers';
import { mediaKeyProblem } from './media-key';

const CONTENT_TYPES: Record<string, string> = {
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.mp4': 'video/mp4',
  '.m4s': 'video/iso.segment',
  '.mpd': 'application/dash+xml',
  '.json': 'application/json; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
};

export function contentTypeFor(key: string): string {
  return CONTENT_TYPES[path.extname(key).toLowerCase()] ?? 'application/octet-stream';
}

/** Sends `<dir>/<key>`: 400 for a key that could escape `dir`, 404 when there is no such file. */
export async function sendLocalMediaFile(res: ServerResponse, dir: string, key: string): Promise<void> {
  const problem = mediaKeyProblem(key);
  if (problem) throw new HttpError(400, problem);
  const root = path.resolve(dir);
  const file = path.resolve(root, key);
  // Belt and braces: the key check above should already make this impossible.
  if (!file.startsWith(root + path.sep)) throw new HttpError(400, 'key must stay inside the media folder');

  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new HttpError(404, 'media file not found');

  res.writeHead(200, { 'Content-Type': contentTypeFor(key), 'Content-Length': info.size, 'Cache-Control': 'no-cache' });
  if (res.req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(file);
    stream.on('error', (error) => {
      // Headers are out, so the only honest signal left is a cut connection.
      res.destroy(error);
      reject(error);
    });
    res.on('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
}
