/**
 * The behaviour every TelemetryStore adapter must share, so moving between stages changes
 * nothing the API answers. Each adapter's test file runs it against a real (or in-process) backend.
 */
import type { Reading } from '../../../lib/runtime/telemetry/reading';
import { LATEST_RECORDS_EXAMINED, type TelemetryStore } from '../../../lib/runtime/telemetry-collector/telemetry-store';

const T0 = Date.UTC(2026, 10, 26, 10, 0, 0, 123);

function at(minutes: number): Date {
  return new Date(T0 + minutes * 60_000);
}

function reading(deviceId: string, minutes: number, metric: string, value: number): Reading {
  return { deviceId, ts: at(minutes), metric, value };
}

/** Readings in a comparable form: ISO times, sorted by time then metric. */
function plain(readings: readonly Reading[]) {
  return readings
    .map((r) => ({ deviceId: r.deviceId, ts: r.ts.toISOString(), metric: r.metric, value: r.value }))
    .sort((a, b) => (a.ts === b.ts ? a.metric.localeCompare(b.metric) : a.ts.localeCompare(b.ts)));
}

/**
 * Registers the contract tests. `store()` returns the store under test; each test uses its
 * own device ids, so the tests need no cleanup between them.
 */
export function storeContract(store: () => TelemetryStore): void {
  test('stats of a window: count, min, max and mean per metric in name order, both bounds included, other devices apart', async () => {
    const rows = [
      reading('win-1', 0, 'temp', 20.5),
      reading('win-1', 0, 'humidity', 40),
      reading('win-1', 5, 'temp', 21.25),
      reading('win-1', 10, 'temp', -3.5e-7),
      reading('win-1', -1, 'temp', 1000),
      reading('win-2', 5, 'temp', 99),
    ];
    await store().write(rows);
    const stats = await store().stats('win-1', at(0), at(5));
    expect(Object.keys(stats)).toEqual(['humidity', 'temp']);
    expect(stats).toEqual({
      humidity: { count: 1, min: 40, max: 40, mean: 40 },
      temp: { count: 2, min: 20.5, max: 21.25, mean: 20.875 },
    });
    expect(await store().stats('win-1', at(11), at(20))).toEqual({});
  });

  test('rewriting a batch, or some of its records (a device retrying), stores nothing twice', async () => {
    const rows = [reading('retry-1', 0, 'temp', 1), reading('retry-1', 1, 'temp', 2), reading('retry-1', 1, 'rpm', 3000)];
    await store().write(rows);
    await store().write(rows);
    await store().write(rows.slice(1)); // the record of minute 1
    expect(await store().stats('retry-1', at(-1), at(2))).toEqual({
      rpm: { count: 1, min: 3000, max: 3000, mean: 3000 },
      temp: { count: 2, min: 1, max: 2, mean: 1.5 },
    });
  });

  test('writing nothing is allowed', async () => {
    await expect(store().write([])).resolves.toBeUndefined();
  });

  test('latest is the newest value per metric, also of metrics the newest record lacks', async () => {
    await store().write([
      reading('latest-1', 0, 'temp', 1),
      reading('latest-1', 0, 'battery', 90),
      reading('latest-1', 2, 'temp', 2),
      reading('latest-1', 1, 'temp', 1.5),
      reading('latest-2', 3, 'temp', 100),
    ]);
    expect(plain(await store().latest('latest-1'))).toEqual(plain([reading('latest-1', 0, 'battery', 90), reading('latest-1', 2, 'temp', 2)]));
    expect(await store().latest('no-such-device')).toEqual([]);
  });

  test(`latest looks back ${LATEST_RECORDS_EXAMINED} records, not through the whole history`, async () => {
    const rows = [reading('deep-1', 0, 'rare', 7)];
    for (let i = 1; i <= LATEST_RECORDS_EXAMINED; i++) rows.push(reading('deep-1', i, 'temp', i));
    await store().write(rows);
    expect(plain(await store().latest('deep-1'))).toEqual(plain([reading('deep-1', LATEST_RECORDS_EXAMINED, 'temp', LATEST_RECORDS_EXAMINED)]));
    await store().write([reading('deep-2', 0, 'rare', 7), ...rows.slice(2).map((r) => ({ ...r, deviceId: 'deep-2' }))]);
    expect((await store().latest('deep-2')).map((r) => r.metric).sort()).toEqual(['rare', 'temp']);
  });

  test('ping answers', async () => {
    await expect(store().ping()).resolves.toBeUndefined();
  });
}
