/** Count, extremes and mean of a set of values. */
export interface Statistics {
  readonly count: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
}

/** The statistics of one device's metric. */
export interface SeriesStatistics extends Statistics {
  readonly deviceId: string;
  readonly metric: string;
}

/** The statistics of a metric over all devices, and how many devices reported it. */
export interface MetricTotals extends Statistics {
  readonly devices: number;
}

interface Accumulator {
  count: number;
  min: number;
  max: number;
  sum: number;
}

/** Aggregates readings per (device, metric) in constant memory per series. */
export class ReadingStatistics {
  private readonly bySeries = new Map<string, Accumulator & { deviceId: string; metric: string }>();

  add(deviceId: string, metric: string, value: number): void {
    const key = `${deviceId}\u0000${metric}`;
    const series = this.bySeries.get(key);
    if (series) {
      include(series, value);
    } else {
      this.bySeries.set(key, { deviceId, metric, count: 1, min: value, max: value, sum: value });
    }
  }

  /** Every series, ordered by device then metric. */
  series(): SeriesStatistics[] {
    return [...this.bySeries.values()]
      .sort((a, b) => compare(a.deviceId, b.deviceId) || compare(a.metric, b.metric))
      .map((s) => ({ deviceId: s.deviceId, metric: s.metric, ...finish(s) }));
  }

  /** Per metric, over all devices, keyed by metric in name order. */
  totals(): Record<string, MetricTotals> {
    const byMetric = new Map<string, Accumulator & { devices: number }>();
    for (const s of this.bySeries.values()) {
      const total = byMetric.get(s.metric) ?? { count: 0, min: Infinity, max: -Infinity, sum: 0, devices: 0 };
      total.count += s.count;
      total.min = Math.min(total.min, s.min);
      total.max = Math.max(total.max, s.max);
      total.sum += s.sum;
      total.devices += 1;
      byMetric.set(s.metric, total);
    }
    const metrics = [...byMetric.keys()].sort(compare);
    return Object.fromEntries(metrics.map((metric) => {
      const total = byMetric.get(metric)!;
      return [metric, { ...finish(total), devices: total.devices }];
    }));
  }

  /** Readings added so far. */
  get count(): number {
    let count = 0;
    for (const s of this.bySeries.values()) count += s.count;
    return count;
  }
}

function include(accumulator: Accumulator, value: number): void {
  accumulator.count += 1;
  if (value < accumulator.min) accumulator.min = value;
  if (value > accumulator.max) accumulator.max = value;
  accumulator.sum += value;
}

function finish(accumulator: Accumulator): Statistics {
  return { count: accumulator.count, min: accumulator.min, max: accumulator.max, mean: accumulator.sum / accumulator.count };
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
