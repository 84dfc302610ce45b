import type { Logger } from '../../../lib/runtime/shared/json-logger';
import { ChatPoller, LATE_WRITE_WINDOW_MS, POLL_PAGE_SIZE } from '../../../lib/runtime/video-app/chat-poller';
import { compareChatCursors, type ChatCursor, type ChatMessage } from '../../../lib/runtime/video-app/storage';

const START = Date.parse('2025-01-02T03:00:00.000Z');
const INTERVAL_MS = 1000;

/** A chat log whose visible messages the test controls, in any insertion order. */
function fakeLog() {
  const visible: ChatMessage[] = [];
  const after = jest.fn(async (cursor: ChatCursor, limit: number) =>
    visible.filter((message) => compareChatCursors(message, cursor) > 0).sort(compareChatCursors).slice(0, limit),
  );
  const add = (id: string, offsetMs: number) => visible.push({ id, data: id, sentAt: new Date(START + offsetMs).toISOString() });
  return { visible, after, add };
}

function recordingLogger() {
  const events: string[] = [];
  const logger: Logger = {
    info: (event) => events.push(event),
    warn: (event) => events.push(event),
    error: (event) => events.push(event),
  };
  return { logger, events };
}

function startPoller(log: ReturnType<typeof fakeLog>, logger: Logger = recordingLogger().logger) {
  const delivered: string[] = [];
  const poller = new ChatPoller({
    messages: log,
    deliver: (message) => delivered.push(message.id),
    intervalMs: INTERVAL_MS,
    logger,
    now: () => new Date(START),
  });
  poller.start();
  return { poller, delivered, distinct: () => [...new Set(delivered)] };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('delivers messages stored after it started, oldest first, and nothing from before', async () => {
  const log = fakeLog();
  log.add('history', -1);
  log.add('stamped as it started', 0);
  const { poller, distinct } = startPoller(log);
  log.add('second', 20);
  log.add('first', 10);

  await jest.advanceTimersByTimeAsync(INTERVAL_MS);
  expect(distinct()).toEqual(['first', 'second']);
  poller.stop();
});

test('polls every interval, never two at once', async () => {
  const log = fakeLog();
  let inFlight = 0;
  let overlapped = false;
  const slowAfter = log.after.getMockImplementation()!;
  log.after.mockImplementation(async (cursor, limit) => {
    overlapped ||= inFlight > 0;
    inFlight++;
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS * 3));
    inFlight--;
    return slowAfter(cursor, limit);
  });
  const { poller } = startPoller(log);

  await jest.advanceTimersByTimeAsync(INTERVAL_MS * 10);
  expect(overlapped).toBe(false);
  // Each poll takes 3 intervals and waits one more before the next.
  expect(log.after.mock.calls.length).toBeGreaterThanOrEqual(2);
  expect(log.after.mock.calls.length).toBeLessThanOrEqual(3);
  poller.stop();
});

test('a message that becomes visible after a newer one is still delivered', async () => {
  const log = fakeLog();
  const { poller, distinct } = startPoller(log);
  log.add('newer', 10_000);
  await jest.advanceTimersByTimeAsync(INTERVAL_MS);
  expect(distinct()).toEqual(['newer']);

  // Written before "newer" by another instance, but its insert landed later.
  log.add('late', 9_000);
  await jest.advanceTimersByTimeAsync(INTERVAL_MS);
  expect(distinct()).toEqual(['newer', 'late']);

  // The re-read reaches back LATE_WRITE_WINDOW_MS behind the newest message, not further.
  const [cursor] = log.after.mock.calls.at(-1)!;
  expect(cursor).toEqual({ sentAt: new Date(START + 10_000 - LATE_WRITE_WINDOW_MS).toISOString(), id: '' });
  poller.stop();
});

test('the re-read never reaches back before the start', async () => {
  const log = fakeLog();
  log.add('history', -100);
  const { poller, distinct } = startPoller(log);
  log.add('news', 100);
  await jest.advanceTimersByTimeAsync(INTERVAL_MS * 3);
  expect(distinct()).toEqual(['news']);
  poller.stop();
});

test('pages through a burst and carries on from where a long poll stopped', async () => {
  const log = fakeLog();
  const { poller, distinct } = startPoller(log);
  // All in one millisecond, so only the id orders them and the re-read window holds all.
  const total = POLL_PAGE_SIZE * 12 + 5;
  for (let n = 0; n < total; n++) log.add(`m${String(n).padStart(5, '0')}`, 1);

  await jest.advanceTimersByTimeAsync(INTERVAL_MS);
  expect(distinct()).toHaveLength(POLL_PAGE_SIZE * 10);
  expect(log.after.mock.calls.map(([, limit]) => limit)).toEqual(Array(10).fill(POLL_PAGE_SIZE));

  await jest.advanceTimersByTimeAsync(INTERVAL_MS);
  expect(distinct()).toHaveLength(total);
  poller.stop();
});

test('an unreachable store is logged once per outage, and polling carries on', async () => {
  const log = fakeLog();
  const { logger, events } = recordingLogger();
  const working = log.after.getMockImplementation()!;
  log.after.mockRejectedValue(new Error('server selection timed out'));
  const { poller, distinct } = startPoller(log, logger);

  await jest.advanceTimersByTimeAsync(INTERVAL_MS * 5);
  expect(events).toEqual(['chat.poll_failed']);

  log.after.mockImplementation(working);
  log.add('after the outage', 100);
  await jest.advanceTimersByTimeAsync(INTERVAL_MS * 2);
  expect(distinct()).toEqual(['after the outage']);
  expect(events).toEqual(['chat.poll_failed', 'chat.poll_recovered']);

  log.after.mockRejectedValue(new Error('again'));
  await jest.advanceTimersByTimeAsync(INTERVAL_MS * 3);
  expect(events).toEqual(['chat.poll_failed', 'chat.poll_recovered', 'chat.poll_failed']);
  poller.stop();
});

test('stop ends polling', async () => {
  const log = fakeLog();
  const { poller } = startPoller(log);
  await jest.advanceTimersByTimeAsync(INTERVAL_MS);
  poller.stop();
  const calls = log.after.mock.calls.length;
  await jest.advanceTimersByTimeAsync(INTERVAL_MS * 5);
  expect(log.after.mock.calls.length).toBe(calls);
  expect(jest.getTimerCount()).toBe(0);
});
