import { ReadingStatistics } from '../../../lib/runtime/telemetry-jobs/reading-statistics';

function reading(deviceId: string, metric: string, value: number) {
  return { deviceId, ts: new Date('2026-01-01T00:00:00Z'), metric, value };
}

test('aggregates per device and metric, and per metric over all devices', () => {
  const statistics = new ReadingStatistics();
  for (const r of [
    reading('pump-2', 'temperature', 30),
    reading('pump-1', 'temperature', 10),
    reading('pump-1', 'temperature', 20),
    reading('pump-1', 'pressure', -1.5),
    reading('pump-2', 'temperature', -30),
  ]) {
    statistics.add(r.deviceId, r.metric, r.value);
  }

  expect(statistics.count).toBe(5);
  expect(statistics.series()).toEqual([
    { deviceId: 'pump-1', metric: 'pressure', count: 1, min: -1.5, max: -1.5, mean: -1.5 },
    { deviceId: 'pump-1', metric: 'temperature', count: 2, min: 10, max: 20, mean: 15 },
    { deviceId: 'pump-2', metric: 'temperature', count: 2, min: -30, max: 30, mean: 0 },
  ]);
  expect(statistics.totals()).toEqual({
    pressure: { count: 1, min: -1.5, max: -1.5, mean: -1.5, devices: 1 },
    temperature: { count: 4, min: -30, max: 30, mean: 7.5, devices: 2 },
  });
});

test('nothing added, nothing reported', () => {
  const statistics = new ReadingStatistics();
  expect([statistics.count, statistics.series(), statistics.totals()]).toEqual([0, [], {}]);
});
