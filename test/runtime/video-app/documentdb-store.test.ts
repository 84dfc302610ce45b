import {
  DocumentDbStore,
  documentDbClientOptions,
  type CollectionPort,
  type FindOptions,
  type MessageDocument,
  type VideoDocument,
} from '../../../lib/runtime/video-app/documentdb-store';
import { MongoNetworkError } from 'mongodb';
import { MAX_CATALOG_ENTRIES_LISTED, StorageUnavailableError } from '../../../lib/runtime/video-app/storage';

/** Records every call and answers from canned documents, like a MongoDB collection would. */
class FakeCollection<T extends { _id: string }> implements CollectionPort<T> {
  readonly inserted: T[] = [];
  readonly finds: Array<{ filter: unknown; options: FindOptions<T> }> = [];
  readonly findOnes: unknown[] = [];
  readonly indexes: unknown[] = [];

  constructor(private readonly results: T[] = []) {}

  async insertOne(document: T): Promise<unknown> {
    this.inserted.push(structuredClone(document));
    return { acknowledged: true, insertedId: document._id };
  }

  async findOne(filter: { _id: string }): Promise<T | null> {
    this.findOnes.push(filter);
    return this.results.find((document) => document._id === filter._id) ?? null;
  }

  find(filter: Record<string, never>, options: FindOptions<T>): { toArray(): Promise<T[]> } {
    this.finds.push({ filter, options });
    return { toArray: async () => this.results.map((document) => structuredClone(document)) };
  }

  async createIndex(keys: unknown): Promise<unknown> {
    this.indexes.push(keys);
    return 'index';
  }
}

const NOW = new Date('2025-01-02T03:04:05.000Z');

function storeWith(videos: VideoDocument[] = [], messages: MessageDocument[] = []) {
  const collections = { videos: new FakeCollection(videos), messages: new FakeCollection(messages) };
  const connection = { connect: jest.fn(async () => {}), ping: jest.fn(async () => ({ ok: 1 })), close: jest.fn(async () => {}) };
  return { store: new DocumentDbStore(collections, connection, () => NOW), ...collections, connection };
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

  test('recent(0) does not query (a MongoDB limit of 0 means "no limit")', async () => {
    const { store, messages } = storeWith();
    await expect(store.messages.recent(0)).resolves.toEqual([]);
    expect(messages.finds).toEqual([]);
  });
});

describe('DocumentDbStore lifecycle', () => {
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
