import { MemoryStore } from '../../../lib/runtime/video-app/memory-store';
import { connectChat, startTestApp, type ChatClient, type TestApp } from './test-app';

const POLL_MS = 20;
/** Several poll intervals: long enough for a duplicate to show up if there were one. */
const QUIET_MS = POLL_MS * 4;

/** Resolves when no frame arrives within `ms`; rejects with the frame otherwise. */
async function expectSilence(client: ChatClient, ms: number = QUIET_MS): Promise<void> {
  const frame = await client.next(ms).catch(() => undefined);
  if (frame !== undefined) throw new Error(`unexpected frame ${JSON.stringify(frame)}`);
}

describe('chat across instances sharing one store', () => {
  let store: MemoryStore;
  let serverA: TestApp;
  let serverB: TestApp;
  let alice: ChatClient;
  let bob: ChatClient;
  let carol: ChatClient;
  beforeAll(async () => {
    store = new MemoryStore();
    [serverA, serverB] = await Promise.all([
      startTestApp({ role: 'chat', store, chatPollIntervalMs: POLL_MS }),
      startTestApp({ role: 'chat', store, chatPollIntervalMs: POLL_MS }),
    ]);
    [alice, bob, carol] = await Promise.all([connectChat(serverA.wsUrl), connectChat(serverB.wsUrl), connectChat(serverB.wsUrl)]);
  });
  afterAll(async () => {
    await Promise.all([alice, bob, carol].map((client) => client.close()));
    await Promise.all([serverA.close(), serverB.close()]);
  });

  test('a message sent on A reaches clients on B once, and the sender once', async () => {
    alice.sendJson({ action: 'sendmessage', data: 'hello from A' });
    const [toAlice, toBob, toCarol] = await Promise.all([alice.next(), bob.next(), carol.next()]);
    expect(toAlice).toEqual({ type: 'message', id: expect.any(String), data: 'hello from A', sentAt: expect.any(String) });
    expect(toBob).toEqual(toAlice);
    expect(toCarol).toEqual(toAlice);

    await Promise.all([expectSilence(alice), expectSilence(bob), expectSilence(carol)]);
  });

  test('messages from both instances arrive everywhere, each once', async () => {
    alice.sendJson({ action: 'sendmessage', data: 'a1' });
    bob.sendJson({ action: 'sendmessage', data: 'b1' });
    alice.sendJson({ action: 'sendmessage', data: 'a2' });

    for (const client of [alice, bob, carol]) {
      // Messages stamped in the same millisecond reach other instances in id order, not send order.
      const received = [await client.next(), await client.next(), await client.next()].map((frame) => frame.data);
      expect(received.sort()).toEqual(['a1', 'a2', 'b1']);
    }
    await Promise.all([expectSilence(alice), expectSilence(bob), expectSilence(carol)]);
  });
});

describe('an instance that starts later', () => {
  test('does not replay history, then relays new messages', async () => {
    const store = new MemoryStore();
    await store.messages.append('old news');
    const serverA = await startTestApp({ role: 'chat', store, chatPollIntervalMs: POLL_MS });
    const serverB = await startTestApp({ role: 'chat', store, chatPollIntervalMs: POLL_MS });
    const [alice, bob] = await Promise.all([connectChat(serverA.wsUrl), connectChat(serverB.wsUrl)]);
    try {
      await expectSilence(bob);
      alice.sendJson({ action: 'sendmessage', data: 'fresh' });
      expect(await bob.next()).toMatchObject({ data: 'fresh' });
      expect(await alice.next()).toMatchObject({ data: 'fresh' });
      await expectSilence(bob);
    } finally {
      await Promise.all([alice.close(), bob.close()]);
      await Promise.all([serverA.close(), serverB.close()]);
    }
  });
});
