/**
 * One spelling for an HTTP path wherever it is declared (an app's route table, an API Gateway route
 * key, a REST API resource), so the same route compares equal across architectures: every path
 * parameter is `{}`, a greedy one `{+}`.
 */

/** `/video/catalog/{id}` and `/devices/{deviceId}/latest` → `/video/catalog/{}`, `/devices/{}/latest`. */
export function canonicalPath(path: string): string {
  return path.replace(/\{[^}/]*\+\}/g, '{+}').replace(/\{[^}/+]*\}/g, '{}');
}

/**
 * The path a route pattern of lib/runtime/shared/http-router serves: a string as it is, an anchored
 * RegExp whose groups are path segments (`([^/]+)`) or greedy tails (`(.+)`). Anything else is an
 * error, so a new kind of pattern gets a spelling here instead of a silent miss.
 */
export function pathOfRoutePattern(pattern: string | RegExp): string {
  if (typeof pattern === 'string') return pattern;
  const source = pattern.source;
  if (!source.startsWith('^') || !source.endsWith('$')) throw new Error(`Route pattern ${pattern} must be anchored with ^ and $`);
  const path = source
    .slice(1, -1)
    .replaceAll('([^/]+)', '{}')
    .replaceAll('([^\\/]+)', '{}')
    .replaceAll('(.+)', '{+}')
    .replaceAll('\\/', '/');
  if (/[\\()[\]|?*+^$]/.test(path.replace(/\{\+?\}/g, ''))) throw new Error(`Route pattern ${pattern} has a form capabilities cannot spell as a path`);
  return path;
}

/** A concrete request path for a canonical path: what a load balancer's path pattern is matched against. */
export function samplePath(path: string): string {
  return path.replaceAll('{+}', 'any/thing').replaceAll('{}', 'any');
}

/** Whether an Application Load Balancer path pattern (`*` any characters, `?` one) matches a path. */
export function matchesPathPattern(pattern: string, path: string): boolean {
  const regex = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.');
  return new RegExp(`^${regex}$`).test(path);
}
