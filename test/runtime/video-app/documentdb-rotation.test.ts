import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { MongoServerError } from 'mongodb';
import { silentLogger } from '../../../lib/runtime/shared/json-logger';
import { StorageUnavailableError } from '../../../lib/runtime/shared/storage-unavailable';
import { loadDocDbCredentials, type DocDbCredentials } from '../../../lib/runtime/video-app/docdb-secret';
import { DocumentDbStore, type MessageDocument, type VideoDocument } from '../../../lib/runtime/video-app/documentdb-store';
import { MIN_REFRESH_INTERVAL_MS, RefreshingClient } from '../../../lib/runtime/video-app/refreshing-client';
import { FakeCollection } from './fake-collection';

const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:111111111111:secret:docdb-abc';
const secretsManager = mockClient(SecretsManagerClient);
afterEach(() => secretsManager.reset());

function authenticationFailed(): MongoServerError {
  return new MongoServerError({ message: 'Authentication failed.', code: 18, codeName: 'AuthenticationFailed' });
}

/** A client that authenticates when it connects, as the driver's do, against `cluster.password`. */
function fakeClient(credentials: DocDbCredentials, cluster: { clusterPassword: string }) {
  const messages = new FakeCollection<MessageDocument>();
  const connection = {
    connect: jest.fn(async () => {
      if (credentials.password !== cluster.clusterPassword) throw authenticationFailed();
    }),
    ping: jest.fn(async () => ({ ok: 1 })),
    close: jest.fn(async () => {}),
  };
  return { collections: { videos: new FakeCollection<VideoDocument>(), messages }, connection, credentials, messages };
}

/** A cluster that accepts one password, and a secret in Secrets Manager that may or may not hold it yet. */
async function rotatingSetup() {
  const state = { clusterPassword: 'old-password', secretPassword: 'old-password', nowMs: 1_000_000 };
  secretsManager.on(GetSecretValueCommand, { SecretId: SECRET_ARN }).callsFake(() => ({
    SecretString: JSON.stringify({ host: 'db.example.com', port: 27017, username: 'videoadmin', password: state.secretPassword }),
  }));
  const clients: Array<ReturnType<typeof fakeClient>> = [];
  const open = (credentials: DocDbCredentials) => {
    const client = fakeClient(credentials, state);
    clients.push(client);
    return client;
  };
  const secrets = new SecretsManagerClient({});
  const source = await RefreshingClient.open({
    readCredentials: () => loadDocDbCredentials(SECRET_ARN, secrets),
    open,
    logger: silentLogger,
    now: () => state.nowMs,
  });
  const store = new DocumentDbStore(source);
  const secretReads = () => secretsManager.commandCalls(GetSecretValueCommand).length;
  const rotate = () => {
    state.clusterPassword = 'new-password';
    state.secretPassword = 'new-password';
  };
  return { state, source, store, clients, secretReads, rotate };
}

describe('DocumentDbStore after a password rotation', () => {
  test('the first rejected operation re-reads the secret once and succeeds on a new client', async () => {
    const { store, clients, secretReads, rotate } = await rotatingSetup();
    await store.messages.append('before');
    expect(secretReads()).toBe(1);

    rotate();
    await expect(store.messages.append('after')).resolves.toMatchObject({ data: 'after' });

    expect(secretReads()).toBe(2);
    expect(clients.map((client) => client.credentials.password)).toEqual(['old-password', 'new-password']);
    expect(clients[1].messages.inserted).toEqual([expect.objectContaining({ data: 'after' })]);
    // The replaced client gets a grace period for operations already running on it.
    expect(clients[0].connection.close).not.toHaveBeenCalled();

    await store.messages.append('later');
    expect(secretReads()).toBe(2);
    await store.close();
    expect(clients[0].connection.close).toHaveBeenCalledTimes(1);
    expect(clients[1].connection.close).toHaveBeenCalledTimes(1);
  });

  test('concurrent rejected operations share one re-read and all succeed', async () => {
    const { store, clients, secretReads, rotate } = await rotatingSetup();
    rotate();
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((data) => store.messages.append(data)));
    expect(results.map((message) => message.data)).toEqual(['a', 'b', 'c', 'd']);
    expect(secretReads()).toBe(2);
    expect(clients).toHaveLength(2);
    await store.close();
  });

  test('while the secret still holds the rejected password, it is re-read at most once per interval', async () => {
    const { state, store, clients, secretReads } = await rotatingSetup();
    state.clusterPassword = 'new-password'; // rotation changed the database, not yet the secret

    for (let attempt = 0; attempt < 5; attempt++) {
      await expect(store.messages.append('lost')).rejects.toBeInstanceOf(StorageUnavailableError);
    }
    await expect(store.ping()).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(secretReads()).toBe(2);
    expect(clients).toHaveLength(1); // unchanged credentials build no new client

    state.secretPassword = 'new-password';
    state.nowMs += MIN_REFRESH_INTERVAL_MS - 1;
    await expect(store.messages.append('still too soon')).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(secretReads()).toBe(2);

    state.nowMs += 1;
    await expect(store.messages.append('recovered')).resolves.toMatchObject({ data: 'recovered' });
    expect(secretReads()).toBe(3);
    await store.close();
  });

  test('an unreadable secret is a 503-style failure, and is not retried at once', async () => {
    const { store, secretReads, rotate } = await rotatingSetup();
    rotate();
    secretsManager.on(GetSecretValueCommand, { SecretId: SECRET_ARN }).rejects(new Error('Secrets Manager throttled'));

    await expect(store.videos.list()).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(store.videos.list()).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(secretReads()).toBe(2);
    await store.close();
  });

  test('an operation is retried once only, even if the new client is rejected too', async () => {
    const { state, store, clients } = await rotatingSetup();
    state.clusterPassword = 'newer-password';
    state.secretPassword = 'new-password';

    await expect(store.messages.append('lost')).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(clients.map((client) => client.connection.connect.mock.calls.length)).toEqual([1, 1]);
    await store.close();
  });
});

describe('RefreshingClient', () => {
  test('a caller whose client was already replaced retries without another re-read', async () => {
    const { source, store, clients, secretReads, rotate } = await rotatingSetup();
    rotate();
    await store.messages.append('refreshes');
    await expect(source.refresh(clients[0])).resolves.toBe(true);
    expect(secretReads()).toBe(2);
    await store.close();
  });

  test('retires a replaced client after the grace period', async () => {
    jest.useFakeTimers();
    try {
      const opened: Array<{ close: jest.Mock }> = [];
      let password = 'one';
      const source = await RefreshingClient.open({
        readCredentials: async () => ({ username: 'u', password, host: 'h', port: 27017 }),
        open: () => {
          const connection = { connect: async () => {}, ping: async () => {}, close: jest.fn(async () => {}) };
          opened.push(connection);
          return { collections: { videos: new FakeCollection(), messages: new FakeCollection() }, connection };
        },
        logger: silentLogger,
        retiredClientGraceMs: 10_000,
      });
      password = 'two';
      await expect(source.refresh(source.current)).resolves.toBe(true);
      await jest.advanceTimersByTimeAsync(9_999);
      expect(opened[0].close).not.toHaveBeenCalled();
      await jest.advanceTimersByTimeAsync(1);
      expect(opened[0].close).toHaveBeenCalledTimes(1);
      await source.close();
      expect(opened[0].close).toHaveBeenCalledTimes(1);
      expect(opened[1].close).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
