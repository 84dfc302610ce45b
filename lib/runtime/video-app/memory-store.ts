/**
 * An AppStore in process memory: for local runs and tests. Nothing survives a restart
 * and nothing is shared between instances.
 */
import { randomUUID } from 'node:crypto';
import { compareChatCursors, MAX_CATALOG_ENTRIES_LISTED, type AppStore, type ChatLog, type ChatMessage, type NewVideo, type VideoCatalog, type VideoEntry } from './storage';

/** Older messages are dropped beyond this, so a long local run cannot grow without bound. */
const MESSAGES_KEPT = 1000;

export class MemoryStore implements AppStore {
  readonly videos: VideoCatalog;
  readonly messages: ChatLog;

  constructor(now: () => Date = () => new Date()) {
    const videos: VideoEntry[] = [];
    const messages: ChatMessage[] = [];

    this.videos = {
      list: async () => videos.slice(0, MAX_CATALOG_ENTRIES_LISTED).map((entry) => ({ ...entry })),
      get: async (id) => {
        const found = videos.find((entry) => entry.id === id);
        return found ? { ...found } : undefined;
      },
      add: async (video: NewVideo) => {
        const entry: VideoEntry = { id: randomUUID(), ...video, createdAt: now().toISOString() };
        videos.push(entry);
        return { ...entry };
      },
    };

    this.messages = {
      append: async (data) => {
        const message: ChatMessage = { id: randomUUID(), data, sentAt: now().toISOString() };
        messages.push(message);
        if (messages.length > MESSAGES_KEPT) messages.splice(0, messages.length - MESSAGES_KEPT);
        return { ...message };
      },
      recent: async (limit) => (limit > 0 ? messages.slice(-limit).map((message) => ({ ...message })) : []),
      after: async (cursor, limit) =>
        limit > 0
          ? messages
              .filter((message) => compareChatCursors(message, cursor) > 0)
              .sort(compareChatCursors)
              .slice(0, limit)
              .map((message) => ({ ...message }))
          : [],
    };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}
