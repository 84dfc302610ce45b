/**
 * Files from the local media folder (local runs only; deployed instances use S3 instead):
 * streamed to clients, or read whole for the manifests the app serves itself.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import * as path from 'node:path';
import { HttpError } from '../shared/http-helpers';
import { mediaKeyProblem } from './media-key';
import type { MediaRead } from './media-links';
import { contentTypeFor } from './media-types';

/** Sends `<dir>/<key>`: 400 for a key that could escape `dir`, 404 when there is no such file. */
export async function sendLocalMediaFile(res: ServerResponse, dir: string, key: string): Promise<void> {
  const file = mediaFilePath(dir, key);
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

/** Reads `<dir>/<key>` whole unless it is over `maxBytes`; HttpError 400 for a key that could escape `dir`. */
export async function readLocalMediaFile(dir: string, key: string, maxBytes: number): Promise<MediaRead> {
  const file = mediaFilePath(dir, key);
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return { kind: 'missing' };
  if (info.size > maxBytes) return { kind: 'too-large' };
  return { kind: 'found', body: await readFile(file) };
}

function mediaFilePath(dir: string, key: string): string {
  const problem = mediaKeyProblem(key);
  if (problem) throw new HttpError(400, problem);
  const root = path.resolve(dir);
  const file = path.resolve(root, key);
  // Belt and braces: the key check above should already make this impossible.
  if (!file.startsWith(root + path.sep)) throw new HttpError(400, 'key must stay inside the media folder');
  return file;
}
