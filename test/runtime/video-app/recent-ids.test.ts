import { RecentIds } from '../../../lib/runtime/video-app/recent-ids';

test('add answers whether the id is new', () => {
  const ids = new RecentIds(10);
  expect(ids.add('a')).toBe(true);
  expect(ids.add('a')).toBe(false);
  expect(ids.add('b')).toBe(true);
});

test('keeps at most `capacity` ids, forgetting the oldest first', () => {
  const ids = new RecentIds(3);
  for (const id of ['a', 'b', 'c', 'd']) ids.add(id);
  expect(ids.size).toBe(3);
  expect(ids.add('b')).toBe(false);
  expect(ids.add('a')).toBe(true);
});
