/**
 * The collector's HTTP server, built from injected dependencies so tests run it against
 * the in-memory store or a fake one.
 */
import type { Route } from '../shared/http-router';
import { createHttpServer, type HttpServer } from '../shared/http-server';
import { jsonLogger, type Logger } from '../shared/json-logger';
import type { StoreKind } from './config';
import { deviceRoutes } from './device-routes';
import { healthRoutes } from './health-routes';
import { telemetryRoutes } from './telemetry-routes';
import type { TelemetryStore } from './telemetry-store';

export interface CollectorDeps {
  store: TelemetryStore;
  /** Reported by `/health`. */
  storeKind: StoreKind;
  logger?: Logger;
  /** The clock records are validated against and windows end at; tests fix it. */
  now?: () => Date;
  /** How long health checks wait for the store; defaults to 1 s. */
  healthPingTimeoutMs?: number;
  /** How long `close()` lets in-flight requests finish before cutting connections; defaults to 10 s. */
  shutdownGraceMs?: number;
}

export function createServer(deps: CollectorDeps): HttpServer {
  const now = deps.now ?? (() => new Date());
  return createHttpServer({
    routes: collectorRoutes({ ...deps, now }),
    logger: deps.logger ?? jsonLogger,
    shutdownGraceMs: deps.shutdownGraceMs ?? 10_000,
  });
}

/** The routes the collector serves: ingest, the device reads and its health check. */
export function collectorRoutes(deps: Pick<CollectorDeps, 'store' | 'storeKind' | 'healthPingTimeoutMs'> & { now(): Date }): Route[] {
  return [
    ...healthRoutes({ storeKind: deps.storeKind, store: deps.store, pingTimeoutMs: deps.healthPingTimeoutMs ?? 1000 }),
    ...telemetryRoutes({ store: deps.store, now: deps.now }),
    ...deviceRoutes({ store: deps.store, now: deps.now }),
  ];
}
