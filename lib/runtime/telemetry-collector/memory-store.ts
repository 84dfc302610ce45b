/**
 * A TelemetryStore in process memory: for local runs and tests. Nothing survives a
 * restart and nothing is shared between instances.
 */
import type { Reading } from '../telemetry/reading';
import type { MetricStats } from '../telemetry/metric-stats';
import { byTimeThenMetric, newestPerMetric, statsPerMetric } from './reading-summaries';
import { LATEST_RECORDS_EXAMINED, type TelemetryStore } from './telemetry-store';

export class MemoryStore implements TelemetryStore {
  /** deviceId → `${ts}|${metric}` → reading, mirroring the tables' primary key. */
  private readonly devices = new Map<string, Map<string, Reading>>();

  async write(readings: readonly Reading[]): Promise<void> {
    for (const reading of readings) {
      const rows = this.devices.get(reading.deviceId) ?? new Map<string, Reading>();
      const key = `${reading.ts.getTime()}|${reading.metric}`;
      if (!rows.has(key)) rows.set(key, { ...reading, ts: new Date(reading.ts) });
      this.devices.set(reading.deviceId, rows);
    }
  }

  async latest(deviceId: string): Promise<Reading[]> {
    const rows = this.rowsOf(deviceId);
    const recentMoments = [...new Set(rows.map((r) => r.ts.getTime()))].sort((a, b) => b - a).slice(0, LATEST_RECORDS_EXAMINED);
    const oldestExamined = recentMoments[recentMoments.length - 1] ?? Infinity;
    return newestPerMetric(rows.filter((r) => r.ts.getTime() >= oldestExamined));
  }

  async stats(deviceId: string, from: Date, to: Date): Promise<Record<string, MetricStats>> {
    return statsPerMetric(await this.window(deviceId, from, to));
  }

  /** The device's readings with `from <= ts <= to`, oldest first, then by metric: for tests and local runs. */
  async window(deviceId: string, from: Date, to: Date): Promise<Reading[]> {
    return this.rowsOf(deviceId)
      .filter((r) => r.ts.getTime() >= from.getTime() && r.ts.getTime() <= to.getTime())
      .sort(byTimeThenMetric);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}

  private rowsOf(deviceId: string): Reading[] {
    return [...(this.devices.get(deviceId)?.values() ?? [])].map((r) => ({ ...r, ts: new Date(r.ts) }));
  }
}
