/**
 * An AppStore on Amazon DocumentDB through the MongoDB driver: collections `videos`
 * and `messages`, ids as string `_id`s, times as BSON dates.
 */
import { randomUUID } from 'node:crypto';
import { MongoClient, MongoNetworkError, MongoServerSelectionError, MongoTopologyClosedError, type MongoClientOptions } from 'mongodb';
import { MAX_CATALOG_ENTRIES_LISTED, StorageUnavailableError, type AppStore, type ChatLog, type ChatMessage, type NewVideo, type VideoCatalog, type VideoEntry } from './storage';

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
  find(filter: Record<string, never>, options: FindOptions<T>): { toArray(): Promise<T[]> };
  createIndex(keys: { [field in keyof T]?: 1 | -1 }): Promise<unknown>;
}

/** The connection-level operations, separate from collections so tests need no client. */
export interface ConnectionPort {
  /** Connects if not connected; cheap when already connected. */
  connect(): Promise<unknown>;
  ping(): Promise<unknown>;
  close(): Promise<void>;
}

export class DocumentDbStore implements AppStore {
  readonly videos: VideoCatalog;
  readonly messages: ChatLog;

  constructor(
    private readonly collections: { videos: CollectionPort<VideoDocument>; messages: CollectionPort<MessageDocument> },
    private readonly connection: ConnectionPort,
    now: () => Date = () => new Date(),
  ) {
    const { videos, messages } = collections;
    const reachable = <T>(operation: () => Promise<T>) => this.reachable(operation);

    this.videos = {
      list: () =>
        reachable(async () => {
          const documents = await videos.find({}, { sort: { createdAt: 1 }, limit: MAX_CATALOG_ENTRIES_LISTED }).toArray();
          return documents.map(toVideoEntry);
        }),
      get: (id) =>
        reachable(async () => {
          const document = await videos.findOne({ _id: id });
          return document ? toVideoEntry(document) : undefined;
        }),
      add: (video: NewVideo) =>
        reachable(async () => {
          const document: VideoDocument = { _id: randomUUID(), title: video.title, key: video.key, createdAt: now() };
          if (video.description !== undefined) document.description = video.description;
          await videos.insertOne(document);
          return toVideoEntry(document);
        }),
    };

    this.messages = {
      append: (data) =>
        reachable(async () => {
          const document: MessageDocument = { _id: randomUUID(), data, sentAt: now() };
          await messages.insertOne(document);
          return toChatMessage(document);
        }),
      recent: (limit) =>
        reachable(async () => {
          if (limit <= 0) return [];
          // Newest first so the index bounds the scan, then flipped to reading order.
          const documents = await messages.find({}, { sort: { sentAt: -1 }, limit }).toArray();
          return documents.reverse().map(toChatMessage);
        }),
    };
  }

  /** Creates the index `recent` sorts on; idempotent, so every instance runs it at start. */
  async ensureIndexes(): Promise<void> {
    await this.reachable(() => this.collections.messages.createIndex({ sentAt: -1 }));
  }

  async ping(): Promise<void> {
    await this.reachable(() => this.connection.ping());
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  /**
   * Runs a database operation after (re)connecting, and turns "cannot reach the cluster"
   * into StorageUnavailableError. Connecting explicitly matters: when the driver's own
   * lazy first connect fails, the client stays closed for good ("Topology is closed"),
   * whereas `connect()` builds a fresh topology, so the app recovers once the cluster is up.
   */
  private async reachable<T>(operation: () => Promise<T>): Promise<T> {
    try {
      await this.connection.connect();
      return await operation();
    } catch (error) {
      if (isUnreachable(error)) throw new StorageUnavailableError(error);
      throw error;
    }
  }
}

function isUnreachable(error: unknown): boolean {
  return error instanceof MongoServerSelectionError || error instanceof MongoNetworkError || error instanceof MongoTopologyClosedError;
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

/**
 * A store on the cluster at `uri`. Nothing connects until first use, so the app can start
 * (and answer health checks) while the cluster is still unreachable.
 */
export function openDocumentDbStore(uri: string, options: { caFile: string; database: string }): DocumentDbStore {
  const client = new MongoClient(uri, documentDbClientOptions(options.caFile));
  const db = client.db(options.database);
  return new DocumentDbStore(
    { videos: db.collection<VideoDocument>('videos'), messages: db.collection<MessageDocument>('messages') },
    { connect: () => client.connect(), ping: () => db.command({ ping: 1 }), close: () => client.close() },
  );
}

function toVideoEntry(document: VideoDocument): VideoEntry {
  const entry: VideoEntry = { id: document._id, title: document.title, key: document.key, createdAt: document.createdAt.toISOString() };
  if (document.description !== undefined) entry.description = document.description;
  return entry;
}

function toChatMessage(document: MessageDocument): ChatMessage {
  return { id: document._id, data: document.data, sentAt: document.sentAt.toISOString() };
}
