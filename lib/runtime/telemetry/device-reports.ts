/**
 * The real-time read API's answers, the same in every stage: the collector's routes (stages 1-4)
 * and the serverless read API (stage 5) both build them here, so moving a device's readers from one
 * to the other changes the host name and nothing else.
 */
import type { MetricStats } from './metric-stats';
import type { Reading } from './reading';

/** `GET /devices/:id/latest` */
export interface LatestReport {
  deviceId: string;
  metrics: Record<string, { value: number; ts: string }>;
}

/** `GET /devices/:id/stats?hours=N` */
export interface StatsReport {
  deviceId: string;
  hours: number;
  from: string;
  to: string;
  metrics: Record<string, MetricStats>;
}

/**
 * How far back `latest` looks, in records (a record is everything a device sent for one moment).
 * Devices need not send every metric in every record, so one record is not enough; an unbounded
 * look-back would read a device's whole history.
 */
export const LATEST_RECORDS_EXAMINED = 100;
export const DEFAULT_STATS_HOURS = 24;
/** A week: the hot window of the real-time table, so every stage can answer it. */
export const MAX_STATS_HOURS = 168;
export const MAX_DEVICE_ID_LENGTH = 128;

/** A request the read API refuses; `status` is the HTTP status to answer with. */
export class DeviceQueryError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
    this.name = 'DeviceQueryError';
  }
}

/** Checks a decoded device id from the path. */
export function checkDeviceId(deviceId: string): string {
  if (deviceId.length === 0 || deviceId.length > MAX_DEVICE_ID_LENGTH) {
    throw new DeviceQueryError(400, `device id must be 1 to ${MAX_DEVICE_ID_LENGTH} characters`);
  }
  return deviceId;
}

/** The window `?hours=` asks for, ending now; absent means the default. */
export function statsWindow(hours: string | null | undefined, now: Date): { hours: number; from: Date; to: Date } {
  let n = DEFAULT_STATS_HOURS;
  if (hours !== null && hours !== undefined) {
    n = /^\d+$/.test(hours) ? Number(hours) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > MAX_STATS_HOURS) {
      throw new DeviceQueryError(400, `hours must be an integer from 1 to ${MAX_STATS_HOURS}`);
    }
  }
  return { hours: n, from: new Date(now.getTime() - n * 3_600_000), to: now };
}

/** The newest value per metric as the API answers it; 404 when the device has none. */
export function latestReport(deviceId: string, newest: readonly Reading[]): LatestReport {
  if (newest.length === 0) throw new DeviceQueryError(404, `no readings for device ${JSON.stringify(deviceId)}`);
  const metrics: LatestReport['metrics'] = {};
  for (const r of newest) metrics[r.metric] = { value: r.value, ts: r.ts.toISOString() };
  return { deviceId, metrics };
}

export function statsReport(deviceId: string, window: { hours: number; from: Date; to: Date }, metrics: Record<string, MetricStats>): StatsReport {
  return { deviceId, hours: window.hours, from: window.from.toISOString(), to: window.to.toISOString(), metrics };
}
