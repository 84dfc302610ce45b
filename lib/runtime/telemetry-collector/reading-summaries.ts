/**
 * What the read routes compute from stored rows, the same for every store.
 */
import type { Reading } from '../telemetry/reading';

/** Summary statistics of one metric over a window. */
export interface MetricStats {
  count: number;
  min: number;
  max: number;
  mean: number;
}

/** The order `window` returns: oldest first, then by metric name. */
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

/** count/min/max/mean per metric. */
export function statsPerMetric(readings: Iterable<Reading>): Record<string, MetricStats> {
  const running = new Map<string, MetricStats>();
  for (const { metric, value } of readings) {
    const s = running.get(metric);
    if (!s) {
      running.set(metric, { count: 1, min: value, max: value, mean: value });
      continue;
    }
    s.count += 1;
    s.min = Math.min(s.min, value);
    s.max = Math.max(s.max, value);
    // A running mean rather than sum / count: a sum of large finite values can overflow to Infinity.
    s.mean += (value - s.mean) / s.count;
  }
  const stats: Record<string, MetricStats> = {};
  for (const metric of [...running.keys()].sort()) stats[metric] = running.get(metric)!;
  return stats;
}
