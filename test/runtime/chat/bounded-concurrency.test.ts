import { createLimiter, mapWithConcurrency } from '../../../lib/runtime/chat/bounded-concurrency';

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('returns results in input order with at most `limit` tasks in flight', async () => {
  let inFlight = 0;
  let peak = 0;
  const items = Array.from({ length: 23 }, (_, index) => index);

  const results = await mapWithConcurrency(items, 4, async (item) => {
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    // Uneven delays so tasks finish out of order.
    for (let i = 0; i < item % 3; i += 1) await tick();
    inFlight -= 1;
    return item * 2;
  });

  expect(results).toEqual(items.map((item) => item * 2));
  expect(peak).toBe(4);
});

test('handles empty input and limits larger than the input', async () => {
  await expect(mapWithConcurrency([], 25, async () => 1)).resolves.toEqual([]);
  await expect(mapWithConcurrency([1, 2], 25, async (item) => item + 1)).resolves.toEqual([2, 3]);
});

test('rejects a limit that is not a positive integer', async () => {
  await expect(mapWithConcurrency([1], 0, async () => 1)).rejects.toThrow(RangeError);
});

describe('createLimiter', () => {
  test('at most `limit` tasks run at once, across callers, and every result comes back', async () => {
    const limit = createLimiter(3);
    let inFlight = 0;
    let peak = 0;
    const task = (value: number) => async () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      for (let i = 0; i < value % 4; i += 1) await tick();
      inFlight -= 1;
      return value;
    };
    const results = await Promise.all(Array.from({ length: 20 }, (_, value) => limit(task(value))));
    expect(results).toEqual(Array.from({ length: 20 }, (_, value) => value));
    expect(peak).toBe(3);
  });

  test('a failing task frees its slot', async () => {
    const limit = createLimiter(1);
    await expect(limit(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(limit(async () => 'next')).resolves.toBe('next');
  });

  test('rejects a limit that is not a positive integer', () => {
    expect(() => createLimiter(0)).toThrow(RangeError);
  });
});
