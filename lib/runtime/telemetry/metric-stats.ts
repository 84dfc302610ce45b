/**
 * Per-metric summary statistics of a device's readings over a window: what `GET /devices/:id/stats`
 * answers in every stage. Computed by the database where the database can aggregate (SQL), and by
 * this accumulator, one value at a time, where it cannot (DynamoDB, memory): either way the memory
 * used does not grow with the window, only with the number of metrics.
 */

/** Summary statistics of one metric over a window. */
export interface MetricStats {
  count: number;
  min: number;
  max: number;
  mean: number;
}

/** Streaming count/min/max/mean per metric. */
export class MetricStatsAccumulator {
  private readonly running = new Map<string, MetricStats>();

  add(metric: string, value: number): void {
    const s = this.running.get(metric);
    if (!s) {
      this.running.set(metric, { count: 1, min: value, max: value, mean: value });
      return;
    }
    s.count += 1;
    if (value < s.min) s.min = value;
    if (value > s.max) s.max = value;
    // A running mean rather than sum / count: a sum of large finite values can overflow to Infinity.
    s.mean += (value - s.mean) / s.count;
  }

  /** The statistics so far, keyed by metric in name order. */
  result(): Record<string, MetricStats> {
    return sortedByMetric(this.running);
  }
}

/** A map of metric statistics as a plain object keyed in code-unit order, the same on every machine. */
export function sortedByMetric(stats: ReadonlyMap<string, MetricStats>): Record<string, MetricStats> {
  const out: Record<string, MetricStats> = {};
  for (const metric of [...stats.keys()].sort()) out[metric] = { ...stats.get(metric)! };
  return out;
}
