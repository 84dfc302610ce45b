/**
 * The analysis side of the fleet: a device's latest value per metric, and per-metric
 * statistics over a recent window.
 */
import { decodePathPart, HttpError, sendJson } from '../shared/http-helpers';
import type { Route } from '../shared/http-router';
import { newestPerMetric, statsPerMetric, type MetricStats } from './reading-summaries';
import type { TelemetryStore } from './telemetry-store';

export interface DeviceRouteDeps {
  store: Pick<TelemetryStore, 'latest' | 'window'>;
  now(): Date;
}

/** `GET /devices/:id/latest` */
export interface LatestReport {
  deviceId: string;
  metrics: Record<string, { value: number; ts: string }>;
}

/** `GET /devices/:id/stats` */
export interface StatsReport {
  deviceId: string;
  hours: number;
  from: string;
  to: string;
  metrics: Record<string, MetricStats>;
}

export const DEFAULT_STATS_HOURS = 24;
/** A week: the hot window of the real-time table, so every stage can answer it. */
export const MAX_STATS_HOURS = 168;
const MAX_DEVICE_ID_LENGTH = 128;

export function deviceRoutes({ store, now }: DeviceRouteDeps): Route[] {
  return [
    {
      method: 'GET',
      pattern: /^\/devices\/([^/]+)\/latest$/,
      handle: async ({ res, params }) => {
        const deviceId = deviceIdOf(params[0]);
        const latest = newestPerMetric(await store.latest(deviceId));
        if (latest.length === 0) throw new HttpError(404, `no readings for device ${JSON.stringify(deviceId)}`);
        const metrics: LatestReport['metrics'] = {};
        for (const r of latest) metrics[r.metric] = { value: r.value, ts: r.ts.toISOString() };
        sendJson(res, 200, { deviceId, metrics } satisfies LatestReport);
      },
    },
    {
      method: 'GET',
      pattern: /^\/devices\/([^/]+)\/stats$/,
      handle: async ({ res, params, query }) => {
        const deviceId = deviceIdOf(params[0]);
        const hours = hoursOf(query.get('hours'));
        const to = now();
        const from = new Date(to.getTime() - hours * 3_600_000);
        const metrics = statsPerMetric(await store.window(deviceId, from, to));
        sendJson(res, 200, { deviceId, hours, from: from.toISOString(), to: to.toISOString(), metrics } satisfies StatsReport);
      },
    },
  ];
}

function deviceIdOf(encoded: string): string {
  const deviceId = decodePathPart(encoded);
  if (deviceId.length === 0 || deviceId.length > MAX_DEVICE_ID_LENGTH) {
    throw new HttpError(400, `device id must be 1 to ${MAX_DEVICE_ID_LENGTH} characters`);
  }
  return deviceId;
}

function hoursOf(value: string | null): number {
  if (value === null) return DEFAULT_STATS_HOURS;
  const hours = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(hours) || hours < 1 || hours > MAX_STATS_HOURS) {
    throw new HttpError(400, `hours must be an integer from 1 to ${MAX_STATS_HOURS}`);
  }
  return hours;
}
