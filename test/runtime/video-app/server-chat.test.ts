import { WebSocket } from 'ws';
import { MemoryStore } from '../../../lib/runtime/video-app/memory-store';
import { request } from '../../support/json-requests';
import { connectChat, startTestApp, type ChatClient, type TestApp } from './test-app';

const MAX_MESSAGE_BYTES = 64;

describe('chat WebSocket', () => {
  let app: TestApp;
  let alice: ChatClient;
  let bob: ChatClient;
  beforeAll(async () => {
    app = await startTestApp({ role: 'chat', maxMessageBytes: MAX_MESSAGE_BYTES, chatHistoryLimit: 3 });
  });
  beforeEach(async () => {
    [alice, bob] = await Promise.all([connectChat(app.wsUrl), connectChat(app.wsUrl)]);
  });
  afterEach(async () => {
    await Promise.all([alice.close(), bob.close()]);
  });
  afterAll(() => app.close());

  test('a message is stored and broadcast to every client, the sender included', async () => {
    alice.sendJson({ action: 'sendmessage', data: 'hello bob' });
    const expected = { type: 'message', id: expect.any(String), data: 'hello bob', sentAt: expect.any(String) };
    const [toAlice, toBob] = await Promise.all([alice.next(), bob.next()]);
    expect(toAlice).toEqual(expected);
    expect(toBob).toEqual(toAlice);
    expect(new Date(toAlice.sentAt).toISOString()).toBe(toAlice.sentAt);
  });

  test.each([
    ['not JSON', 'hello', 'frame is not valid JSON'],
    ['missing data', JSON.stringify({ action: 'sendmessage' }), '"data" is required'],
    ['empty data', JSON.stringify({ action: 'sendmessage', data: '' }), '"data" must not be empty'],
    ['oversized data', JSON.stringify({ action: 'sendmessage', data: 'x'.repeat(MAX_MESSAGE_BYTES + 1) }), `the limit is ${MAX_MESSAGE_BYTES} bytes`],
    ['an unknown action', JSON.stringify({ action: 'shout', data: 'hi' }), 'the only valid action is "sendmessage"'],
  ])('%s gets an error frame, only the sender hears it, and the connection stays usable', async (_case, frame, error) => {
    alice.socket.send(frame);
    const reply = await alice.next();
    expect(reply.type).toBe('error');
    expect(reply.error).toContain(error);

    alice.sendJson({ action: 'sendmessage', data: 'still here' });
    expect(await alice.next()).toMatchObject({ type: 'message', data: 'still here' });
    // Bob saw only the valid message.
    expect(await bob.next()).toMatchObject({ type: 'message', data: 'still here' });
  });

  test('a binary frame gets an error frame', async () => {
    alice.socket.send(Buffer.from('{"action":"sendmessage","data":"hi"}'), { binary: true });
    expect(await alice.next()).toMatchObject({ type: 'error', error: expect.stringContaining('binary frames are not supported') });
  });

  test('a frame over the hard cap closes that connection with 1009; others carry on', async () => {
    alice.socket.send('x'.repeat(MAX_MESSAGE_BYTES * 6 + 1025));
    expect(await alice.closed).toBe(1009);

    bob.sendJson({ action: 'sendmessage', data: 'after abuse' });
    expect(await bob.next()).toMatchObject({ data: 'after abuse' });
    expect((await request(`${app.baseUrl}/chat/health`)).status).toBe(200);
  });

  test('history returns the most recent messages oldest first, capped at the limit', async () => {
    for (const data of ['one', 'two', 'three', 'four']) {
      alice.sendJson({ action: 'sendmessage', data });
      await alice.next();
    }
    const all = await request(`${app.baseUrl}/chat/history`);
    expect(all.status).toBe(200);
    expect(all.body.map((message: { data: string }) => message.data)).toEqual(['two', 'three', 'four']);
    expect(all.body[0]).toEqual({ id: expect.any(String), data: 'two', sentAt: expect.any(String) });

    const two = await request(`${app.baseUrl}/chat/history?limit=2`);
    expect(two.body.map((message: { data: string }) => message.data)).toEqual(['three', 'four']);

    const capped = await request(`${app.baseUrl}/chat/history?limit=500`);
    expect(capped.body).toHaveLength(3);
  });

  test('a WebSocket on any other path is refused with 404', async () => {
    await expect(connectChat(app.wsUrl.replace('/chat/ws', '/chat/other'))).rejects.toThrow('Unexpected server response: 404');
  });
});

describe('chat failure handling', () => {
  test('when the store fails, the sender gets an error frame and the server keeps running', async () => {
    const store = new MemoryStore();
    store.messages.append = async () => {
      throw new Error('cluster unreachable');
    };
    const app = await startTestApp({ role: 'chat', store });
    const client = await connectChat(app.wsUrl);
    try {
      client.sendJson({ action: 'sendmessage', data: 'lost' });
      expect(await client.next()).toEqual({ type: 'error', error: 'message could not be stored; try again' });
      expect(client.socket.readyState).toBe(WebSocket.OPEN);
    } finally {
      await client.close();
      await app.close();
    }
  });

  test('a client that stops answering pings is dropped', async () => {
    const app = await startTestApp({ role: 'chat', heartbeatIntervalMs: 30 });
    const silent = await connectChat(app.wsUrl, { autoPong: false });
    const healthy = await connectChat(app.wsUrl);
    try {
      expect(await silent.closed).toBe(1006);
      expect(healthy.socket.readyState).toBe(WebSocket.OPEN);
    } finally {
      await healthy.close();
      await app.close();
    }
  });

  test('closing the server sends clients 1001', async () => {
    const app = await startTestApp({ role: 'chat' });
    const client = await connectChat(app.wsUrl);
    await app.close();
    expect(await client.closed).toBe(1001);
  });
});
