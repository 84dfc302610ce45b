/**
 * What a media object is, judged by its key's extension: its Content-Type, and whether
 * it is a manifest (which the app serves itself) or media bytes (which come from S3).
 */
import * as path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.mp4': 'video/mp4',
  '.m4s': 'video/iso.segment',
  '.mpd': 'application/dash+xml',
  '.json': 'application/json; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
};

const MANIFEST_EXTENSIONS = new Set(['.m3u8', '.mpd']);

export function contentTypeFor(key: string): string {
  return CONTENT_TYPES[path.extname(key).toLowerCase()] ?? 'application/octet-stream';
}

/** An HLS playlist or a DASH MPD. */
export function isManifestKey(key: string): boolean {
  return MANIFEST_EXTENSIONS.has(path.extname(key).toLowerCase());
}
