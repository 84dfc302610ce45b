/**
 * The video pool's HTTP API: the catalog and the way to its media (manifests served by
 * the app, everything else a redirect to where the bytes are).
 */
import { decodePathPart, HttpError, readJsonBody, sendJson, sendRedirect, type JsonBodyLimit } from '../shared/http-helpers';
import type { Route } from '../shared/http-router';
import { sendLocalMediaFile } from './local-media-files';
import { mediaKeyProblem } from './media-key';
import type { MediaLinks } from './media-links';
import { sendManifest } from './media-manifests';
import { isManifestKey } from './media-types';
import type { VideoCatalog } from './storage';
import { parseNewVideo } from './video-input';

export interface VideoRouteDeps {
  videos: VideoCatalog;
  media: MediaLinks;
  /** Set in local mode only: `/video/files/*` then streams from this folder. */
  localMediaDir?: string;
}

/** Catalog entries of up to 64 KB; a larger body is drained up to 1 MB before the connection is cut. */
const CATALOG_ENTRY_BODY: JsonBodyLimit = { maxBytes: 64 * 1024, drainFactor: 16, expected: 'a JSON object' };

export function videoRoutes({ videos, media, localMediaDir }: VideoRouteDeps): Route[] {
  const routes: Route[] = [
    {
      method: 'GET',
      pattern: '/video/catalog',
      handle: async ({ res }) => sendJson(res, 200, await videos.list()),
    },
    {
      method: 'POST',
      pattern: '/video/catalog',
      handle: async ({ req, res }) => {
        const video = parseNewVideo(await readJsonBody(req, CATALOG_ENTRY_BODY));
        sendJson(res, 201, await videos.add(video));
      },
    },
    {
      method: 'GET',
      pattern: /^\/video\/catalog\/([^/]+)$/,
      handle: async ({ res, params }) => {
        const entry = await videos.get(decodePathPart(params[0]));
        if (!entry) throw new HttpError(404, 'video not found');
        sendJson(res, 200, entry);
      },
    },
    {
      method: 'GET',
      pattern: /^\/video\/assets\/(.+)$/,
      handle: async ({ res, params }) => {
        const key = validKey(params[0]);
        if (isManifestKey(key)) await sendManifest(res, media, key);
        else sendRedirect(res, await media.linkFor(key));
      },
    },
  ];
  if (localMediaDir !== undefined) {
    routes.push({
      method: 'GET',
      pattern: /^\/video\/files\/(.+)$/,
      handle: ({ res, params }) => sendLocalMediaFile(res, localMediaDir, decodePathPart(params[0])),
    });
  }
  return routes;
}

function validKey(encodedKey: string): string {
  const key = decodePathPart(encodedKey);
  const problem = mediaKeyProblem(key);
  if (problem) throw new HttpError(400, problem);
  return key;
}
