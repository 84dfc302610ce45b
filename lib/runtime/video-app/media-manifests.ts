/**
 * HLS and DASH manifests, which the app serves itself instead of redirecting to S3: a
 * player resolves the relative segment URIs in a manifest against the URL it finally got
 * the manifest from, and against a presigned S3 URL they would be unsigned (403). Served
 * from /video/assets/<dir>/, they lead back to the app, which redirects each segment.
 */
import type { ServerResponse } from 'node:http';
import { HttpError } from '../shared/http-helpers';
import type { MediaLinks } from './media-links';
import { contentTypeFor } from './media-types';

/** Real manifests are kilobytes; the cap keeps a wrong key from pulling a video into memory. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

/** Short, because live playlists change with every segment. */
const MANIFEST_CACHE_CONTROL = 'max-age=2';

/** Sends the manifest at an already-validated key: 404 when it is missing, 502 when it is over MAX_MANIFEST_BYTES. */
export async function sendManifest(res: ServerResponse, media: MediaLinks, key: string): Promise<void> {
  const manifest = await media.read(key, MAX_MANIFEST_BYTES);
  if (manifest.kind === 'missing') throw new HttpError(404, 'media file not found');
  if (manifest.kind === 'too-large') throw new HttpError(502, `the stored manifest is over ${MAX_MANIFEST_BYTES} bytes`);
  res.writeHead(200, {
    'Content-Type': contentTypeFor(key),
    'Content-Length': manifest.body.length,
    'Cache-Control': MANIFEST_CACHE_CONTROL,
  });
  res.end(manifest.body);
}
