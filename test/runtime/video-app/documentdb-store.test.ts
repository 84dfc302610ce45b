import { MongoNetworkError, MongoServerError } from 'mongodb';
import { StorageUnavailableError } from '../../../lib/runtime/shared/storage-unavailable';
import {
  DocumentDbStore,
  documentDbClientOptions,
  isAuthenticationFailure,
  messagesAfter,
  type MessageDocument,
  type VideoDocument,
} from '../../../lib/runtime/video-app/documentdb-store';
import { MAX_CATALOG_ENTRIES_LISTED } from '../../../lib/runtime/video-app/storage';
import { FakeCollection, matchesFilter } from './fake-collection';

const NOW = new Date('2025-01-02T03:04:05.000Z');

function storeWith(videos: VideoDocument[] = [], messages: MessageDocument[] = []) {
  const collections = { videos: new FakeCollection(videos), messages: new FakeCollection(messages) };
  const connection = { connect: jest.fn(async () => {}), ping: jest.fn(async () => ({ ok: 1 })), close: jest.fn(async () => {}) };
  // A client that is never replaced; rotation is covered in documentdb-rotation.test.ts.
  const clients = { current: { collections, connection }, refresh: jest.fn(async () => false), close: () => connection.close() };
  return { store: new DocumentDbStore(clients, () => NOW), ...collections, connection, clients };
}

describe('DocumentDbStore videos', () => {
  test('add inserts a document with a generated string _id and a Date createdAt', async () => {
    const { store, videos } = storeWith();
    const entry = await store.videos.add({ title: 'Launch talk', key: 'talks/launch/index.m3u8', description: 'Keynote' });

    expect(videos.inserted).toEqual([
      { _id: entry.id, title: 'Launch talk', key: 'talks/launch/index.m3u8', description: 'Keynote', createdAt: NOW },
    ]);
    expect(entry).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), title: 'Launch talk', key: 'talks/launch/index.m3u8', description: 'Keynote', createdAt: NOW.toISOString() });
  });

  test('add stores no description field when none is given', async () => {
    const { store, videos } = storeWith();
    await store.videos.add({ title: 't', key: 'k.mp4' });
    expect(videos.inserted[0]).not.toHaveProperty('description');
  });

  test('list asks for all entries oldest first, bounded, and maps _id to id', async () => {
    const { store, videos } = storeWith([{ _id: 'v1', title: 't', key: 'k.mp4', createdAt: NOW }]);
    await expect(store.videos.list()).resolves.toEqual([{ id: 'v1', title: 't', key: 'k.mp4', createdAt: NOW.toISOString() }]);
    expect(videos.finds).toEqual([{ filter: {}, options: { sort: { createdAt: 1 }, limit: MAX_CATALOG_ENTRIES_LISTED } }]);
  });

  test('get filters on _id and answers undefined when nothing matches', async () => {
    const { store, videos } = storeWith([{ _id: 'v1', title: 't', key: 'k.mp4', createdAt: NOW }]);
    await expect(store.videos.get('v1')).resolves.toMatchObject({ id: 'v1' });
    await expect(store.videos.get('nope')).resolves.toBeUndefined();
    expect(videos.findOnes).toEqual([{ _id: 'v1' }, { _id: 'nope' }]);
  });
});

describe('DocumentDbStore messages', () => {
  test('append inserts the message with a Date sentAt', async () => {
    const { store, messages } = storeWith();
    const message = await store.messages.append('hello');
    expect(messages.inserted).toEqual([{ _id: message.id, data: 'hello', sentAt: NOW }]);
    expect(message).toEqual({ id: message.id, data: 'hello', sentAt: NOW.toISOString() });
  });

  test('recent sorts newest first with the limit, then returns oldest first', async () => {
    const newest = { _id: 'm2', data: 'second', sentAt: new Date('2025-01-02T00:00:02Z') };
    const older = { _id: 'm1', data: 'first', sentAt: new Date('2025-01-02T00:00:01Z') };
    const { store, messages } = storeWith([], [newest, older]);

    await expect(store.messages.recent(2)).resolves.toEqual([
      { id: 'm1', data: 'first', sentAt: '2025-01-02T00:00:01.000Z' },
      { id: 'm2', data: 'second', sentAt: '2025-01-02T00:00:02.000Z' },
    ]);
    expect(messages.finds).toEqual([{ filter: {}, options: { sort: { sentAt: -1 }, limit: 2 } }]);
  });

  test('recent(0) and after(cursor, 0) do not query (a MongoDB limit of 0 means "no limit")', async () => {
    const { store, messages } = storeWith();
    await expect(store.messages.recent(0)).resolves.toEqual([]);
    await expect(store.messages.after({ sentAt: NOW.toISOString(), id: 'm1' }, 0)).resolves.toEqual([]);
    expect(messages.finds).toEqual([]);
  });

  test('after sends the cursor filter, sorts by sentAt then _id, and passes the limit', async () => {
    const next = { _id: 'm3', data: 'third', sentAt: new Date('2025-01-02T00:00:03Z') };
    const { store, messages } = storeWith([], [next]);

    await expect(store.messages.after({ sentAt: '2025-01-02T00:00:02.000Z', id: 'm2' }, 100)).resolves.toEqual([
      { id: 'm3', data: 'third', sentAt: '2025-01-02T00:00:03.000Z' },
    ]);
    const at = new Date('2025-01-02T00:00:02.000Z');
    expect(messages.finds).toEqual([
      {
        filter: { sentAt: { $gte: at }, $or: [{ sentAt: { $gt: at } }, { sentAt: at, _id: { $gt: 'm2' } }] },
        options: { sort: { sentAt: 1, _id: 1 }, limit: 100 },
      },
    ]);
    // toEqual ignores key order, but a MongoDB sort depends on it.
    expect(Object.keys(messages.finds[0].options.sort)).toEqual(['sentAt', '_id']);
  });

  test('the after filter selects exactly the messages past the cursor, same-millisecond ones by _id', () => {
    const at = (seconds: number) => new Date(Date.UTC(2025, 0, 2, 0, 0, seconds));
    const documents = [
      { _id: 'a', sentAt: at(1) },
      { _id: 'c', sentAt: at(1) },
      { _id: 'a', sentAt: at(2) },
      { _id: 'b', sentAt: at(2) },
      { _id: 'c', sentAt: at(2) },
      { _id: 'a', sentAt: at(3) },
    ];
    const filter = messagesAfter({ sentAt: at(2).toISOString(), id: 'b' });
    const selected = documents.filter((document) => matchesFilter(document, filter));
    expect(selected).toEqual([
      { _id: 'c', sentAt: at(2) },
      { _id: 'a', sentAt: at(3) },
    ]);
  });
});

describe('DocumentDbStore lifecycle', () => {
  test('an authentication failure is recognised by its code, whatever the message', () => {
    expect(isAuthenticationFailure(new MongoServerError({ message: 'Authentication failed.', code: 18, codeName: 'AuthenticationFailed' }))).toBe(true);
    expect(isAuthenticationFailure(new MongoServerError({ message: 'not authorized', code: 13, codeName: 'Unauthorized' }))).toBe(false);
    expect(isAuthenticationFailure(new Error('Authentication failed.'))).toBe(false);
  });

  test('ensureIndexes indexes messages.sentAt', async () => {
    const { store, messages } = storeWith();
    await store.ensureIndexes();
    expect(messages.indexes).toEqual([{ sentAt: -1 }]);
  });

  test('ping and close go to the connection', async () => {
    const { store, connection } = storeWith();
    await store.ping();
    await store.close();
    expect(connection.ping).toHaveBeenCalledTimes(1);
    expect(connection.close).toHaveBeenCalledTimes(1);
  });

  test('every operation (re)connects first, so a failed first connect is retried', async () => {
    const { store, connection } = storeWith();
    connection.connect.mockRejectedValueOnce(new MongoNetworkError('connect ECONNREFUSED'));
    await expect(store.messages.append('first')).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(store.messages.append('second')).resolves.toMatchObject({ data: 'second' });
    expect(connection.connect).toHaveBeenCalledTimes(2);
  });

  test('a network failure during an operation becomes StorageUnavailableError', async () => {
    const { store, videos } = storeWith();
    jest.spyOn(videos, 'findOne').mockRejectedValueOnce(new MongoNetworkError('socket closed'));
    const failure = store.videos.get('v1');
    await expect(failure).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(failure).rejects.toHaveProperty('cause.message', 'socket closed');
  });

  test('other errors pass through unchanged', async () => {
    const { store, videos } = storeWith();
    const bug = new TypeError('bad filter');
    jest.spyOn(videos, 'insertOne').mockRejectedValueOnce(bug);
    await expect(store.videos.add({ title: 't', key: 'k.mp4' })).rejects.toBe(bug);
  });

  test('client options use TLS with the given CA bundle and fail fast', () => {
    expect(documentDbClientOptions('/opt/video-app/global-bundle.pem')).toMatchObject({
      tls: true,
      tlsCAFile: '/opt/video-app/global-bundle.pem',
      serverSelectionTimeoutMS: 5000,
    });
  });
});
