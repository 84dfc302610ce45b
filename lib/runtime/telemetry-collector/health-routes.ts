/**
 * `GET /health`, the ALB's target health check. It answers 200 whenever the process serves,
 * even with the database down: an ALB that pulled every instance over a database outage
 * would turn a partial outage into a full one. `storage` reports the database separately.
 */
import { sendJson } from '../shared/http-helpers';
import type { Route } from '../shared/http-router';
import { answersWithin } from '../shared/storage-ping';
import type { StoreKind } from './config';
import type { TelemetryStore } from './telemetry-store';

export interface HealthRouteDeps {
  storeKind: StoreKind;
  store: Pick<TelemetryStore, 'ping'>;
  /** How long a health check waits for the database before reporting it degraded. */
  pingTimeoutMs: number;
}

export interface HealthReport {
  status: 'ok';
  store: StoreKind;
  storage: 'ok' | 'degraded';
}

export const HEALTH_PATH = '/health';

export function healthRoutes({ storeKind, store, pingTimeoutMs }: HealthRouteDeps): Route[] {
  return [
    {
      method: 'GET',
      pattern: HEALTH_PATH,
      handle: async ({ res, logFields }) => {
        const storage = (await answersWithin(store, pingTimeoutMs)) ? 'ok' : 'degraded';
        logFields.storage = storage;
        sendJson(res, 200, { status: 'ok', store: storeKind, storage } satisfies HealthReport);
      },
    },
  ];
}
