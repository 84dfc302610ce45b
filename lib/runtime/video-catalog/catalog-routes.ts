/**
 * The catalog API's routes, as API Gateway route keys: the construct creates one API route per key
 * and the handler dispatches on the key it is invoked for, so the two cannot drift apart. The same
 * routes the video pool served (lib/runtime/video-app/video-routes.ts).
 */
export const CATALOG_ROUTES = {
  list: 'GET /video/catalog',
  get: 'GET /video/catalog/{id}',
  add: 'POST /video/catalog',
} as const;

/** Routes anyone may call: viewers browse without signing in. Adding a video is the publishers' (IAM-signed). */
export const ANONYMOUS_CATALOG_ROUTES: readonly string[] = [CATALOG_ROUTES.list, CATALOG_ROUTES.get];
