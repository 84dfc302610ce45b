/**
 * Health checks. They answer 200 whenever the process serves, even with the database
 * down: an ALB that pulled every instance over a database outage would turn a partial
 * outage into a full one. The `storage` field reports the database separately.
 */
import { sendJson } from '../shared/http-helpers';
import type { Route } from '../shared/http-router';
import { answersWithin } from '../shared/storage-ping';
import type { AppRole } from './config';
import type { AppStore } from './storage';

export interface HealthRouteDeps {
  role: AppRole;
  store: Pick<AppStore, 'ping'>;
  /** How long a health check waits for the database before reporting it degraded. */
  pingTimeoutMs: number;
}

/** The body every health path answers. */
export interface HealthReport {
  status: 'ok';
  role: AppRole;
  storage: 'ok' | 'degraded';
}

/** `/health` for every role, plus the per-pool path(s) the ALB target groups check. */
export function healthPaths(role: AppRole): string[] {
  const pools = role === 'all' ? ['video', 'chat'] : [role];
  return ['/health', ...pools.map((pool) => `/${pool}/health`)];
}

export function healthRoutes({ role, store, pingTimeoutMs }: HealthRouteDeps): Route[] {
  return healthPaths(role).map((path) => ({
    method: 'GET',
    pattern: path,
    handle: async ({ res }) => {
      const report: HealthReport = { status: 'ok', role, storage: (await answersWithin(store, pingTimeoutMs)) ? 'ok' : 'degraded' };
      sendJson(res, 200, report);
    },
  }));
}
