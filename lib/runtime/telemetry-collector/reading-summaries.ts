/**
 * What the read routes compute from stored rows, the same for every store.
 */
import { MetricStatsAccumulator, type MetricStats } from '../telemetry/metric-stats';
import type { Reading } from '../telemetry/reading';

export type { MetricStats } from '../telemetry/metric-stats';

/** The order readings are listed in: oldest first, then by metric name. */
export function byTimeThenMetric(a: Reading, b: Reading): number {
  return a.ts.getTime() - b.ts.getTime() || byMetric(a, b);
}

function byMetric(a: Reading, b: Reading): number {
  return a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0;
}

/** The newest reading per metric, sorted by metric name. */
export function newestPerMetric(readings: Iterable<Reading>): Reading[] {
  const newest = new Map<string, Reading>();
  for (const reading of readings) {
    const seen = newest.get(reading.metric);
    if (!seen || reading.ts.getTime() > seen.ts.getTime()) newest.set(reading.metric, reading);
  }
  return [...newest.values()].sort(byMetric);
}

/** count/min/max/mean per metric of readings already in memory. */
export function statsPerMetric(readings: Iterable<Reading>): Record<string, MetricStats> {
  const stats = new MetricStatsAccumulator();
  for (const { metric, value } of readings) stats.add(metric, value);
  return stats.result();
}
