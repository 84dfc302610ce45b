/**
 * A minimal route table: exact paths or regular expressions per method, and the
 * difference between "no such path" (404) and "path exists, other method" (405).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LogFields } from './json-logger';

export type HttpMethod = 'GET' | 'POST';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  /** The path exactly as sent (not dot-normalised), so traversal attempts reach validation. */
  path: string;
  query: URLSearchParams;
  /** Capture groups of a RegExp pattern, still percent-encoded. */
  params: string[];
  /** Fields a handler adds to the request's single log line (e.g. how many records it accepted). */
  logFields: LogFields;
}

export interface Route {
  method: HttpMethod;
  /** A string matches the whole path; a RegExp should be anchored. */
  pattern: string | RegExp;
  handle(ctx: RequestContext): Promise<void> | void;
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: string[] }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'not-found' };

/** HEAD is served by GET routes (Node drops the body). */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const wanted = method === 'HEAD' ? 'GET' : method;
  const allowed = new Set<string>();
  for (const route of routes) {
    const params = matchPattern(route.pattern, path);
    if (!params) continue;
    if (route.method === wanted) return { kind: 'found', route, params };
    allowed.add(route.method);
    if (route.method === 'GET') allowed.add('HEAD');
  }
  return allowed.size > 0 ? { kind: 'wrong-method', allowed: [...allowed] } : { kind: 'not-found' };
}

function matchPattern(pattern: string | RegExp, path: string): string[] | undefined {
  if (typeof pattern === 'string') return pattern === path ? [] : undefined;
  const match = pattern.exec(path);
  return match ? match.slice(1) : undefined;
}

/** Splits a request target into raw path and query without resolving "." or ".." segments. */
export function splitRequestTarget(target: string): { path: string; query: URLSearchParams } {
  const queryStart = target.indexOf('?');
  return queryStart < 0
    ? { path: target, query: new URLSearchParams() }
    : { path: target.slice(0, queryStart), query: new URLSearchParams(target.slice(queryStart + 1)) };
}
