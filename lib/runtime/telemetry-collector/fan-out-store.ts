/**
 * Stage 4's storage: every write goes to the real-time table (DynamoDB, the hot window) and
 * to the history (PostgreSQL, until the export job archives it); reads come from the
 * real-time table, which holds everything the read routes look at.
 */
import { StorageUnavailableError } from '../shared/storage-unavailable';
import type { MetricStats } from '../telemetry/metric-stats';
import type { Reading } from '../telemetry/reading';
import type { TelemetryStore } from './telemetry-store';

export class FanOutStore implements TelemetryStore {
  constructor(
    private readonly realtime: TelemetryStore,
    private readonly history: TelemetryStore,
  ) {}

  /**
   * Both writes must succeed before a record counts as accepted. When one fails the other may
   * already have stored the rows; that is safe because both writes are idempotent, so the
   * device's retry completes the pair without duplicates.
   */
  async write(readings: readonly Reading[]): Promise<void> {
    await bothOrThrow(this.realtime.write(readings), this.history.write(readings));
  }

  latest(deviceId: string): Promise<Reading[]> {
    return this.realtime.latest(deviceId);
  }

  stats(deviceId: string, from: Date, to: Date): Promise<Record<string, MetricStats>> {
    return this.realtime.stats(deviceId, from, to);
  }

  async ensureSchema(): Promise<void> {
    await Promise.all([this.realtime.ensureSchema?.(), this.history.ensureSchema?.()]);
  }

  async ping(): Promise<void> {
    await bothOrThrow(this.realtime.ping(), this.history.ping());
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.realtime.close(), this.history.close()]);
  }
}

/**
 * Waits for both, so neither is left running unobserved. When both fail, a failure other than
 * an outage wins: it is the one a retry will not fix, and it gets logged with its stack.
 */
async function bothOrThrow(a: Promise<unknown>, b: Promise<unknown>): Promise<void> {
  const failures = (await Promise.allSettled([a, b])).flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failures.length === 0) return;
  throw failures.find((f) => !(f instanceof StorageUnavailableError)) ?? failures[0];
}
