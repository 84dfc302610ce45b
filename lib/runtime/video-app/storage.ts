/**
 * The storage port: what the routes need from a database, so the same routes run on
 * the in-memory store (local runs, tests) and on DocumentDB (deployed).
 */

/** A catalog entry as stored and returned by the API. */
export interface VideoEntry {
  id: string;
  title: string;
  /** S3 object key (or MEDIA_DIR-relative path) of the HLS manifest or MP4. */
  key: string;
  description?: string;
  /** ISO-8601 time the entry was added. */
  createdAt: string;
}

/** What a client supplies to add a video; the store assigns `id` and `createdAt`. */
export interface NewVideo {
  title: string;
  key: string;
  description?: string;
}

/** A chat message as stored, returned by `/chat/history` and broadcast. */
export interface ChatMessage {
  id: string;
  data: string;
  /** ISO-8601 time the server accepted the message. */
  sentAt: string;
}

export interface VideoCatalog {
  /** Entries oldest first, at most MAX_CATALOG_ENTRIES_LISTED of them. */
  list(): Promise<VideoEntry[]>;
  get(id: string): Promise<VideoEntry | undefined>;
  add(video: NewVideo): Promise<VideoEntry>;
}

/** A position in the chat log, which is ordered by `sentAt`, then `id`. Every ChatMessage is one. */
export interface ChatCursor {
  sentAt: string;
  id: string;
}

export interface ChatLog {
  append(data: string): Promise<ChatMessage>;
  /** The `limit` most recent messages, oldest first. */
  recent(limit: number): Promise<ChatMessage[]>;
  /** Up to `limit` messages that come after `cursor` in log order, oldest first. */
  after(cursor: ChatCursor, limit: number): Promise<ChatMessage[]>;
}

export interface AppStore {
  videos: VideoCatalog;
  messages: ChatLog;
  /** Resolves when the backing database answers; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** `list()` is one unpaged response, so it is bounded. */
export const MAX_CATALOG_ENTRIES_LISTED = 1000;

/** Negative when `a` comes before `b` in the chat log, 0 for the same position. */
export function compareChatCursors(a: ChatCursor, b: ChatCursor): number {
  // ISO-8601 strings from toISOString() sort like the times they stand for.
  if (a.sentAt !== b.sentAt) return a.sentAt < b.sentAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
