/**
 * The telemetry model shared by every IoT stage: a device sends a record of named numeric readings
 * taken at one moment; storage keeps one row per (device, time, metric).
 */

/** One record as a device sends it. */
export interface TelemetryRecord {
  readonly deviceId: string;
  /** ISO 8601 with a time zone, or epoch milliseconds. */
  readonly timestamp: string | number;
  readonly readings: Record<string, number>;
}

/** One stored value. */
export interface Reading {
  readonly deviceId: string;
  readonly ts: Date;
  readonly metric: string;
  readonly value: number;
}

/** The outcome of validating one record. */
export type Validated = { readonly ok: true; readonly readings: Reading[] } | { readonly ok: false; readonly reason: string };

const DEVICE_ID = /^[A-Za-z0-9_.:-]{1,128}$/;
const METRIC = /^[a-z][a-z0-9_]{0,63}$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
/** Devices' clocks drift; further in the future than this is a broken clock, not a reading. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;
const EARLIEST = Date.UTC(2000, 0, 1);
export const MAX_READINGS_PER_RECORD = 100;

function parseTimestamp(value: unknown): Date | string {
  if (typeof value === 'number') {
    return Number.isInteger(value) ? new Date(value) : 'timestamp must be whole epoch milliseconds';
  }
  if (typeof value === 'string' && ISO_WITH_ZONE.test(value)) {
    return new Date(value);
  }
  return 'timestamp must be ISO 8601 with a time zone (2026-11-26T10:00:00Z) or epoch milliseconds';
}

/** Checks one record and turns it into rows; never throws, whatever the input. */
export function validateRecord(input: unknown, now: Date = new Date()): Validated {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, reason: 'record must be a JSON object' };
  }
  const { deviceId, timestamp, readings } = input as Record<string, unknown>;
  if (typeof deviceId !== 'string' || !DEVICE_ID.test(deviceId)) {
    return { ok: false, reason: 'deviceId must be 1-128 letters, digits or _.:-' };
  }
  const ts = parseTimestamp(timestamp);
  if (typeof ts === 'string') {
    return { ok: false, reason: ts };
  }
  if (Number.isNaN(ts.getTime()) || ts.getTime() < EARLIEST) {
    return { ok: false, reason: 'timestamp is not a valid date after 2000-01-01' };
  }
  if (ts.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
    return { ok: false, reason: 'timestamp is more than 5 minutes in the future' };
  }
  if (typeof readings !== 'object' || readings === null || Array.isArray(readings)) {
    return { ok: false, reason: 'readings must be an object of metric name to number' };
  }
  const entries = Object.entries(readings as Record<string, unknown>);
  if (entries.length === 0 || entries.length > MAX_READINGS_PER_RECORD) {
    return { ok: false, reason: `readings must hold 1 to ${MAX_READINGS_PER_RECORD} metrics` };
  }
  const rows: Reading[] = [];
  for (const [metric, value] of entries) {
    if (!METRIC.test(metric)) {
      return { ok: false, reason: `metric '${metric.slice(0, 64)}' must be lower-case letters, digits or _, starting with a letter` };
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return { ok: false, reason: `metric '${metric}' must be a finite number` };
    }
    rows.push({ deviceId, ts, metric, value });
  }
  return { ok: true, readings: rows };
}
