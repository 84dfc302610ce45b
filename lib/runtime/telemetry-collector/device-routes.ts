/**
 * The analysis side of the fleet: a device's latest value per metric, and per-metric
 * statistics over a recent window (answers built in ../telemetry/device-reports).
 */
import { decodePathPart, HttpError, sendJson } from '../shared/http-helpers';
import type { Route } from '../shared/http-router';
import { checkDeviceId, DeviceQueryError, latestReport, statsReport, statsWindow } from '../telemetry/device-reports';
import type { TelemetryStore } from './telemetry-store';

export type { LatestReport, StatsReport } from '../telemetry/device-reports';
export { DEFAULT_STATS_HOURS, MAX_STATS_HOURS } from '../telemetry/device-reports';

export interface DeviceRouteDeps {
  store: Pick<TelemetryStore, 'latest' | 'stats'>;
  now(): Date;
}

export function deviceRoutes({ store, now }: DeviceRouteDeps): Route[] {
  return [
    {
      method: 'GET',
      pattern: /^\/devices\/([^/]+)\/latest$/,
      handle: async ({ res, params }) => {
        const deviceId = asHttp(() => checkDeviceId(decodePathPart(params[0])));
        const newest = await store.latest(deviceId);
        sendJson(res, 200, asHttp(() => latestReport(deviceId, newest)));
      },
    },
    {
      method: 'GET',
      pattern: /^\/devices\/([^/]+)\/stats$/,
      handle: async ({ res, params, query }) => {
        const deviceId = asHttp(() => checkDeviceId(decodePathPart(params[0])));
        const window = asHttp(() => statsWindow(query.get('hours'), now()));
        const metrics = await store.stats(deviceId, window.from, window.to);
        sendJson(res, 200, statsReport(deviceId, window, metrics));
      },
    },
  ];
}

/** The shared answers' refusals as this server's HTTP errors. */
function asHttp<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof DeviceQueryError) throw new HttpError(error.status, error.message);
    throw error;
  }
}
