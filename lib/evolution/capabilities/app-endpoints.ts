/**
 * What an app that runs on a fleet serves, read from the app's own route table, so a capability is
 * what the code answers and not what someone wrote down.
 */
import type { Route } from '../../runtime/shared/http-router';
import { loadConfig as loadCollectorConfig } from '../../runtime/telemetry-collector/config';
import { HEALTH_PATH } from '../../runtime/telemetry-collector/health-routes';
import { collectorRoutes } from '../../runtime/telemetry-collector/server';
import { SEND_MESSAGE_ACTION } from '../../runtime/video-app/chat-protocol';
import { loadConfig as loadVideoAppConfig } from '../../runtime/video-app/config';
import { healthPaths } from '../../runtime/video-app/health-routes';
import { appRoutes, CHAT_SOCKET_PATH, servesChatSocket } from '../../runtime/video-app/server';
import { pathOfRoutePattern } from './http-paths';

/** A way into an app: an HTTP route, or a WebSocket path and the actions its frames may carry. */
export type AppEndpoint =
  | { readonly kind: 'http'; readonly method: string; readonly path: string }
  | { readonly kind: 'websocket'; readonly path: string; readonly actions: readonly string[] };

/** Building a route table only wires handlers to their dependencies; a dependency that is called is a bug here. */
const NOT_CALLED: any = new Proxy(function unused() {}, {
  get: (_target, property) => (property === 'then' ? undefined : NOT_CALLED),
  apply: () => {
    throw new Error('route handlers are not run when listing routes');
  },
});

const httpEndpoints = (routes: readonly Route[], health: readonly string[]): AppEndpoint[] =>
  routes
    .map((route) => ({ kind: 'http' as const, method: route.method, path: pathOfRoutePattern(route.pattern) }))
    // Health checks are how the load balancer watches the fleet, not something the platform offers.
    .filter((endpoint) => !health.includes(endpoint.path));

/** Each app the fleets run, by the systemd service name the boot script installs it as. */
const APPS: Record<string, (env: NodeJS.ProcessEnv) => AppEndpoint[]> = {
  'video-app': (env) => {
    const config = loadVideoAppConfig(env);
    const routes = appRoutes({
      role: config.role,
      store: NOT_CALLED,
      media: NOT_CALLED,
      localMediaDir: config.media.kind === 'local' ? config.media.dir : undefined,
      chatHistoryLimit: config.chatHistoryLimit,
    });
    const socket: AppEndpoint[] = servesChatSocket(config.role) ? [{ kind: 'websocket', path: CHAT_SOCKET_PATH, actions: [SEND_MESSAGE_ACTION] }] : [];
    return [...httpEndpoints(routes, healthPaths(config.role)), ...socket];
  },
  'telemetry-collector': (env) => {
    const config = loadCollectorConfig(env);
    const routes = collectorRoutes({ store: NOT_CALLED, storeKind: config.store.kind, now: () => new Date() });
    return httpEndpoints(routes, [HEALTH_PATH]);
  },
};

/** The endpoints the named app serves with this environment; an unknown app is an error, never an empty list. */
export function appEndpoints(serviceName: string, env: NodeJS.ProcessEnv): AppEndpoint[] {
  const endpointsOf = APPS[serviceName];
  if (!endpointsOf) throw new Error(`No route table known for the app '${serviceName}'; add it to APPS in lib/evolution/capabilities/app-endpoints.ts`);
  return endpointsOf(env);
}
