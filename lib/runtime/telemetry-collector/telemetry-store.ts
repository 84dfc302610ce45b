/**
 * The storage port: what the collector needs from a database. Every stage's storage
 * (Oracle, Aurora PostgreSQL, DynamoDB plus Aurora) is one adapter behind it, so moving
 * between them changes the adapter and nothing else.
 */
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
  /** The device's readings with `from <= ts <= to`, oldest first, then by metric name. */
  window(deviceId: string, from: Date, to: Date): Promise<Reading[]>;
  /** Creates tables and indexes that are missing; safe to run on every instance at every start. */
  ensureSchema?(): Promise<void>;
  /** Resolves when the backing database answers; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * How far back `latest` looks. Devices need not send every metric in every record, so
 * one record is not enough; an unbounded look-back would read a device's whole history.
 */
export const LATEST_RECORDS_EXAMINED = 100;
