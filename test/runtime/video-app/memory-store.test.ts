import { MemoryStore } from '../../../lib/runtime/video-app/memory-store';

describe('MemoryStore messages.after', () => {
  test('returns messages strictly after the cursor, by sentAt then id, up to the limit', async () => {
    const times = ['2025-01-02T00:00:01.000Z', '2025-01-02T00:00:02.000Z', '2025-01-02T00:00:02.000Z', '2025-01-02T00:00:03.000Z'];
    let next = 0;
    const store = new MemoryStore(() => new Date(times[next++]));
    const [first, second, third, fourth] = [
      await store.messages.append('one'),
      await store.messages.append('two'),
      await store.messages.append('three'),
      await store.messages.append('four'),
    ];
    const [earlierId, laterId] = [second.id, third.id].sort();
    const sameMillisecond = [second, third].sort((a, b) => (a.id < b.id ? -1 : 1));

    await expect(store.messages.after({ sentAt: first.sentAt, id: first.id }, 10)).resolves.toEqual([...sameMillisecond, fourth]);
    await expect(store.messages.after({ sentAt: second.sentAt, id: earlierId }, 10)).resolves.toEqual([sameMillisecond[1], fourth]);
    await expect(store.messages.after({ sentAt: second.sentAt, id: laterId }, 10)).resolves.toEqual([fourth]);
    await expect(store.messages.after({ sentAt: '2025-01-01T00:00:00.000Z', id: '' }, 2)).resolves.toEqual([first, sameMillisecond[0]]);
    await expect(store.messages.after({ sentAt: fourth.sentAt, id: fourth.id }, 10)).resolves.toEqual([]);
    await expect(store.messages.after({ sentAt: '2025-01-01T00:00:00.000Z', id: '' }, 0)).resolves.toEqual([]);
  });
});
