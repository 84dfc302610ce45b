/**
 * An AppStore on Amazon DocumentDB through the MongoDB driver: collections `videos`
 * and `messages`, ids as string `_id`s, times as BSON dates.
 */
import { randomUUID } from 'node:crypto';
import {
  MongoClient,
  MongoError,
  MongoNetworkError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
  type Filter,
  type MongoClientOptions,
} from 'mongodb';
import type { Logger } from '../shared/json-logger';
import { StorageUnavailableError } from '../shared/storage-unavailable';
import { docDbConnectionUri, type DocDbCredentials } from './docdb-secret';
import { RefreshingClient } from './refreshing-client';
import {
  MAX_CATALOG_ENTRIES_LISTED,
  type AppStore,
  type ChatCursor,
  type ChatLog,
  type ChatMessage,
  type NewVideo,
  type VideoCatalog,
  type VideoEntry,
} from './storage';

export interface VideoDocument {
  _id: string;
  title: string;
  key: string;
  description?: string;
  createdAt: Date;
}

export interface MessageDocument {
  _id: string;
  data: string;
  sentAt: Date;
}

/** Options of `find` that this store uses. */
export interface FindOptions<T> {
  sort: { [field in keyof T]?: 1 | -1 };
  limit: number;
}

/**
 * The part of a MongoDB `Collection` this store calls. The driver's Collection satisfies
 * it; tests pass a fake that records what was sent.
 */
export interface CollectionPort<T extends { _id: string }> {
  insertOne(document: T): Promise<unknown>;
  findOne(filter: { _id: string }): Promise<T | null>;
  find(filter: Filter<T>, options: FindOptions<T>): { toArray(): Promise<T[]> };
  createIndex(keys: { [field in keyof T]?: 1 | -1 }): Promise<unknown>;
}

/** The connection-level operations, separate from collections so tests need no client. */
export interface ConnectionPort {
  /** Connects if not connected; cheap when already connected. */
  connect(): Promise<unknown>;
  ping(): Promise<unknown>;
  close(): Promise<void>;
}

/** What one MongoClient gives the store. */
export interface DocumentDbHandles {
  collections: { videos: CollectionPort<VideoDocument>; messages: CollectionPort<MessageDocument> };
  connection: ConnectionPort;
}

/** The client the store runs on, and the way to replace it when the cluster rejects its credentials. */
export interface ClientSource {
  readonly current: DocumentDbHandles;
  /**
   * Called after `rejected` failed authentication. Resolves true once `current` is a client
   * worth retrying with, false when there is none (yet); never rejects.
   */
  refresh(rejected: DocumentDbHandles): Promise<boolean>;
  /** Closes every client it built. */
  close(): Promise<void>;
}

export class DocumentDbStore implements AppStore {
  readonly videos: VideoCatalog;
  readonly messages: ChatLog;

  constructor(
    private readonly clients: ClientSource,
    now: () => Date = () => new Date(),
  ) {
    const run = <T>(operation: (collections: DocumentDbHandles['collections']) => Promise<T>) =>
      this.run((handles) => operation(handles.collections));

    this.videos = {
      list: () =>
        run(async ({ videos }) => {
          const documents = await videos.find({}, { sort: { createdAt: 1 }, limit: MAX_CATALOG_ENTRIES_LISTED }).toArray();
          return documents.map(toVideoEntry);
        }),
      get: (id) =>
        run(async ({ videos }) => {
          const document = await videos.findOne({ _id: id });
          return document ? toVideoEntry(document) : undefined;
        }),
      add: (video: NewVideo) =>
        run(async ({ videos }) => {
          const document: VideoDocument = { _id: randomUUID(), title: video.title, key: video.key, createdAt: now() };
          if (video.description !== undefined) document.description = video.description;
          await videos.insertOne(document);
          return toVideoEntry(document);
        }),
    };

    this.messages = {
      append: (data) =>
        run(async ({ messages }) => {
          const document: MessageDocument = { _id: randomUUID(), data, sentAt: now() };
          await messages.insertOne(document);
          return toChatMessage(document);
        }),
      recent: (limit) =>
        run(async ({ messages }) => {
          if (limit <= 0) return [];
          // Newest first so the index bounds the scan, then flipped to reading order.
          const documents = await messages.find({}, { sort: { sentAt: -1 }, limit }).toArray();
          return documents.reverse().map(toChatMessage);
        }),
      after: (cursor, limit) =>
        run(async ({ messages }) => {
          if (limit <= 0) return [];
          const documents = await messages.find(messagesAfter(cursor), { sort: { sentAt: 1, _id: 1 }, limit }).toArray();
          return documents.map(toChatMessage);
        }),
    };
  }

  /** Creates the index `recent` and `after` use; idempotent, so every instance runs it at start. */
  async ensureIndexes(): Promise<void> {
    await this.run(({ collections }) => collections.messages.createIndex({ sentAt: -1 }));
  }

  async ping(): Promise<void> {
    await this.run(({ connection }) => connection.ping());
  }

  async close(): Promise<void> {
    await this.clients.close();
  }

  /**
   * Runs a database operation and turns "cannot reach the cluster" into StorageUnavailableError.
   * An authentication failure means the password was rotated: the operation is retried once
   * on a client built from the re-read secret. That is safe for writes too, because a
   * connection authenticates before it sends any command.
   */
  private async run<T>(operation: (handles: DocumentDbHandles) => Promise<T>): Promise<T> {
    const client = this.clients.current;
    try {
      return await attempt(client, operation);
    } catch (error) {
      if (!isAuthenticationFailure(error)) throw asStorageError(error);
      if (!(await this.clients.refresh(client))) throw new StorageUnavailableError(error);
    }
    try {
      return await attempt(this.clients.current, operation);
    } catch (error) {
      throw asStorageError(error);
    }
  }
}

/**
 * Connects explicitly before each operation: when the driver's own lazy first connect
 * fails, the client stays closed for good ("Topology is closed"), whereas `connect()`
 * builds a fresh topology, so the app recovers once the cluster is up.
 */
async function attempt<T>(handles: DocumentDbHandles, operation: (handles: DocumentDbHandles) => Promise<T>): Promise<T> {
  await handles.connection.connect();
  return operation(handles);
}

/**
 * Messages after `cursor` in (sentAt, _id) order. The outer `$gte` repeats what the `$or`
 * implies, so the query stays on the sentAt index whatever the planner does with `$or`.
 */
export function messagesAfter(cursor: ChatCursor): Filter<MessageDocument> {
  const sentAt = new Date(cursor.sentAt);
  return { sentAt: { $gte: sentAt }, $or: [{ sentAt: { $gt: sentAt } }, { sentAt, _id: { $gt: cursor.id } }] };
}

/** Errors that say "try again later" rather than "this request is wrong": the API answers 503. */
function asStorageError(error: unknown): unknown {
  return isUnreachable(error) || isAuthenticationFailure(error) ? new StorageUnavailableError(error) : error;
}

function isUnreachable(error: unknown): boolean {
  return error instanceof MongoServerSelectionError || error instanceof MongoNetworkError || error instanceof MongoTopologyClosedError;
}

/** AuthenticationFailed (18), which the driver throws from connect() and from any operation that opens a connection. */
export function isAuthenticationFailure(error: unknown): boolean {
  return error instanceof MongoError && (error.code === 18 || (error as { codeName?: unknown }).codeName === 'AuthenticationFailed');
}

/** Driver options DocumentDB needs besides what the URI carries. */
export function documentDbClientOptions(caFile: string): MongoClientOptions {
  return {
    tls: true,
    tlsCAFile: caFile,
    // Fail requests within seconds while the cluster is unreachable instead of the driver's 30 s.
    serverSelectionTimeoutMS: 5000,
    connectTimeoutMS: 5000,
  };
}

export interface DocumentDbStoreOptions {
  /** Reads the secret: once at open, again whenever the cluster rejects the credentials. */
  readCredentials(): Promise<DocDbCredentials>;
  caFile: string;
  database: string;
  logger: Logger;
}

/**
 * A store on the cluster the secret names; rejects when the secret cannot be read. Nothing
 * connects until first use, so the app can start (and answer health checks) while the
 * cluster is still unreachable.
 */
export async function openDocumentDbStore(options: DocumentDbStoreOptions): Promise<DocumentDbStore> {
  const clients = await RefreshingClient.open({
    readCredentials: options.readCredentials,
    open: (credentials) => mongoClientHandles(docDbConnectionUri(credentials), options),
    logger: options.logger,
  });
  return new DocumentDbStore(clients);
}

function mongoClientHandles(uri: string, options: { caFile: string; database: string }): DocumentDbHandles {
  const client = new MongoClient(uri, documentDbClientOptions(options.caFile));
  const db = client.db(options.database);
  return {
    collections: { videos: db.collection<VideoDocument>('videos'), messages: db.collection<MessageDocument>('messages') },
    connection: { connect: () => client.connect(), ping: () => db.command({ ping: 1 }), close: () => client.close() },
  };
}

/** A stored catalog document as the API answers it. */
export function toVideoEntry(document: VideoDocument): VideoEntry {
  const entry: VideoEntry = { id: document._id, title: document.title, key: document.key, createdAt: document.createdAt.toISOString() };
  if (document.description !== undefined) entry.description = document.description;
  return entry;
}

function toChatMessage(document: MessageDocument): ChatMessage {
  return { id: document._id, data: document.data, sentAt: document.sentAt.toISOString() };
}
