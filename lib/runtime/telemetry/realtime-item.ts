import { Reading } from './reading';

/**
 * The real-time table's item format, shared by the collector's DynamoDB adapter (stage 4) and the
 * per-event Lambda (stage 5): one item per device and moment, its metrics in one map, expiring after
 * the hot window (the archive keeps the history).
 */
export const REALTIME_KEYS = { partition: 'deviceId', sort: 'ts', ttl: 'expiresAt' } as const;

/** An item of the real-time table (a type alias, so it passes as a DynamoDB document). */
export type RealtimeItem = {
  readonly deviceId: string;
  /** Epoch milliseconds. */
  readonly ts: number;
  readonly readings: Record<string, number>;
  /** Epoch seconds after which DynamoDB's TTL may delete the item. */
  readonly expiresAt: number;
};

/** Groups rows into one item per (device, moment). */
export function toRealtimeItems(readings: readonly Reading[], hotWindowDays: number): RealtimeItem[] {
  const items = new Map<string, { deviceId: string; ts: number; readings: Record<string, number> }>();
  for (const r of readings) {
    const ts = r.ts.getTime();
    const key = `${r.deviceId}\u0000${ts}`;
    const item = items.get(key) ?? { deviceId: r.deviceId, ts, readings: {} };
    item.readings[r.metric] = r.value;
    items.set(key, item);
  }
  return [...items.values()].map((item) => ({ ...item, expiresAt: Math.floor(item.ts / 1000) + hotWindowDays * 86_400 }));
}

/** Rows of one item. */
export function fromRealtimeItem(item: RealtimeItem): Reading[] {
  return Object.entries(item.readings).map(([metric, value]) => ({ deviceId: item.deviceId, ts: new Date(item.ts), metric, value: Number(value) }));
}
