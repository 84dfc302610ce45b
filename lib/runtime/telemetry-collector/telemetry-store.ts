/**
 * The storage port: what the collector needs from a database. Every stage's storage
 * (Oracle, Aurora PostgreSQL, DynamoDB plus Aurora) is one adapter behind it, so moving
 * between them changes the adapter and nothing else.
 */
import type { MetricStats } from '../telemetry/metric-stats';
import type { Reading } from '../telemetry/reading';

export interface TelemetryStore {
  /**
   * Stores all `readings` or throws; never part of them. Idempotent: rewriting a row with
   * the same (deviceId, ts, metric) changes nothing, so a device may retry a batch.
   */
  write(readings: readonly Reading[]): Promise<void>;
  /**
   * The newest reading of each metric among the device's LATEST_RECORDS_EXAMINED most
   * recent records (a record is everything the device sent for one moment); empty when
   * the device has none.
   */
  latest(deviceId: string): Promise<Reading[]>;
  /**
   * count/min/max/mean per metric of the device's readings with `from <= ts <= to`, keyed in metric
   * name order. Aggregated where the rows are, so the collector's memory does not grow with the window.
   */
  stats(deviceId: string, from: Date, to: Date): Promise<Record<string, MetricStats>>;
  /** Creates tables and indexes that are missing; safe to run on every instance at every start. */
  ensureSchema?(): Promise<void>;
  /** Resolves when the backing database answers; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export { LATEST_RECORDS_EXAMINED } from '../telemetry/device-reports';
