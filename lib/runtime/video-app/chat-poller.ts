/**
 * Finds the chat messages that other instances stored. Every instance behind the ALB
 * polls the shared chat log, so a message reaches the clients of every instance, not
 * only those connected to the instance that accepted it.
 */
import type { Logger } from '../shared/json-logger';
import { compareChatCursors, type ChatCursor, type ChatLog, type ChatMessage } from './storage';

export interface ChatPollerOptions {
  messages: Pick<ChatLog, 'after'>;
  /**
   * Receives each message found, oldest first. Messages inside the late-write window are
   * passed again on later polls, so it must drop ids it has already delivered.
   */
  deliver(message: ChatMessage): void;
  /** Pause between the end of one poll and the start of the next. */
  intervalMs: number;
  logger: Logger;
  /** Messages sent up to the moment the poller was built are history, not news. Defaults to the system clock. */
  now?: () => Date;
  /** Defaults to LATE_WRITE_WINDOW_MS. */
  lateWriteWindowMs?: number;
}

/**
 * How far behind the newest message seen each poll reads again. `sentAt` is taken before
 * the write, so with concurrent writers (or a lagging replica serving the read) a message
 * can become visible after a newer one; a cursor that only moved forward would skip it.
 */
export const LATE_WRITE_WINDOW_MS = 5000;

/** Messages asked for per query. */
export const POLL_PAGE_SIZE = 100;

/** Queries per poll during a burst; the next poll carries on where this one stopped. */
const MAX_PAGES_PER_POLL = 10;

export class ChatPoller {
  private readonly floor: ChatCursor;
  private newest: ChatCursor | undefined;
  private resumeFrom: ChatCursor | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private failing = false;

  constructor(private readonly options: ChatPollerOptions) {
    const now = options.now ?? (() => new Date());
    // From the next millisecond on: one stamped in the same millisecond as the start is history too.
    this.floor = { sentAt: new Date(now().getTime() + 1).toISOString(), id: '' };
  }

  /** Polls every `intervalMs` until `stop()`. */
  start(): void {
    this.schedule();
  }

  /** No poll starts after this, and a poll in flight delivers nothing more. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.stopped) return;
    // A timeout per poll rather than an interval: a slow store never gets overlapping polls.
    this.timer = setTimeout(() => void this.poll().finally(() => this.schedule()), this.options.intervalMs);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    const { logger, intervalMs } = this.options;
    try {
      await this.readNewMessages();
      if (this.failing) logger.info('chat.poll_recovered');
      this.failing = false;
    } catch (error) {
      // Once per outage: a poll every second would otherwise flood the log.
      if (!this.failing) logger.error('chat.poll_failed', error, { retryInMs: intervalMs });
      this.failing = true;
    }
  }

  private async readNewMessages(): Promise<void> {
    let from = this.resumeFrom ?? this.rereadFrom();
    this.resumeFrom = undefined;
    for (let page = 0; page < MAX_PAGES_PER_POLL; page++) {
      const batch = await this.options.messages.after(from, POLL_PAGE_SIZE);
      for (const message of batch) {
        if (this.stopped) return;
        this.options.deliver(message);
      }
      if (batch.length > 0) {
        const last = batch[batch.length - 1];
        from = { sentAt: last.sentAt, id: last.id };
        if (this.newest === undefined || compareChatCursors(from, this.newest) > 0) this.newest = from;
      }
      if (batch.length < POLL_PAGE_SIZE) return;
    }
    this.resumeFrom = from;
  }

  /** The start of the late-write window behind the newest message seen, never before the floor. */
  private rereadFrom(): ChatCursor {
    if (this.newest === undefined) return this.floor;
    const windowMs = this.options.lateWriteWindowMs ?? LATE_WRITE_WINDOW_MS;
    const windowStart: ChatCursor = { sentAt: new Date(Date.parse(this.newest.sentAt) - windowMs).toISOString(), id: '' };
    return compareChatCursors(windowStart, this.floor) > 0 ? windowStart : this.floor;
  }
}
