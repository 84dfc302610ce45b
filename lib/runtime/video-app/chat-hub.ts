/**
 * The chat WebSocket: stores each valid message and broadcasts it at once to every client
 * connected to this process (including the sender); messages other instances stored
 * arrive through a ChatPoller. Bad frames get an error frame; the connection stays open.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { Logger } from '../shared/json-logger';
import { ChatPoller } from './chat-poller';
import { BINARY_FRAME_ERROR, errorFrame, messageFrame, parseClientFrame } from './chat-protocol';
import { RecentIds } from './recent-ids';
import type { ChatLog, ChatMessage } from './storage';

export interface ChatHubOptions {
  messages: ChatLog;
  /** Largest message `data`, in UTF-8 bytes. */
  maxMessageBytes: number;
  logger: Logger;
  /** How often clients are pinged; one missed pong drops them. Well below the ALB's 300 s idle timeout. */
  heartbeatIntervalMs?: number;
  /** How long `close()` waits for clients to acknowledge the close frame. */
  closeGraceMs?: number;
  /** How often the chat log is polled for messages other instances stored; defaults to 1 s. */
  pollIntervalMs?: number;
}

/** A client this far behind on reading is dropped rather than buffered for without bound. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * Ids remembered to deliver each message once: far more than arrive within the poller's
 * late-write window plus one poll interval at any plausible chat rate.
 */
const DELIVERED_IDS_KEPT = 10_000;

export class ChatHub {
  private readonly server: WebSocketServer;
  private readonly awaitingPong = new WeakSet<WebSocket>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly poller: ChatPoller;
  private readonly delivered = new RecentIds(DELIVERED_IDS_KEPT);
  private closing = false;

  constructor(private readonly options: ChatHubOptions) {
    this.server = new WebSocketServer({
      noServer: true,
      // A hard cap above the readable limit, so a merely too-long message gets an error
      // frame (JSON escaping can grow text up to 6x) and only abuse is cut off (close 1009).
      maxPayload: options.maxMessageBytes * 6 + 1024,
    });
    this.heartbeat = setInterval(() => this.pingAll(), options.heartbeatIntervalMs ?? 30_000);
    this.heartbeat.unref();
    this.poller = new ChatPoller({
      messages: options.messages,
      deliver: (message) => this.deliver(message),
      intervalMs: options.pollIntervalMs ?? 1000,
      logger: options.logger,
    });
    this.poller.start();
  }

  get clientCount(): number {
    return this.server.clients.size;
  }

  /** Completes the WebSocket handshake for a request the server routed here. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.closing) {
      socket.destroy();
      return;
    }
    this.server.handleUpgrade(req, socket, head, (client) => this.accept(client));
  }

  /** Sends every client a 1001 close, waits briefly for them to go, then cuts the rest. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.heartbeat);
    this.poller.stop();
    const clients = [...this.server.clients];
    await Promise.all(clients.map((client) => this.closeClient(client)));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: WebSocket): void {
    const { logger } = this.options;
    logger.info('chat.connected', { clients: this.clientCount });
    client.on('pong', () => this.awaitingPong.delete(client));
    client.on('message', (frame, isBinary) => void this.onFrame(client, frame, isBinary));
    // Without a listener, a protocol error (e.g. a frame over maxPayload) would crash the process.
    client.on('error', (error) => logger.warn('chat.socket_error', { errorMessage: error.message }));
    client.on('close', (code) => logger.info('chat.disconnected', { code, clients: this.clientCount }));
  }

  private async onFrame(client: WebSocket, frame: RawData, isBinary: boolean): Promise<void> {
    if (isBinary) {
      send(client, errorFrame(BINARY_FRAME_ERROR));
      return;
    }
    const parsed = parseClientFrame(rawDataToString(frame), this.options.maxMessageBytes);
    if (!parsed.ok) {
      send(client, errorFrame(parsed.error));
      return;
    }
    try {
      this.deliver(await this.options.messages.append(parsed.data));
    } catch (error) {
      this.options.logger.error('chat.store_failed', error);
      send(client, errorFrame('message could not be stored; try again'));
    }
  }

  /** Broadcasts `message` unless it was already delivered (the poller also finds this instance's own messages). */
  private deliver(message: ChatMessage): void {
    if (this.delivered.add(message.id)) this.broadcast(messageFrame(message));
  }

  private broadcast(frame: string): void {
    for (const client of this.server.clients) {
      if (client.bufferedAmount > MAX_BUFFERED_BYTES) client.terminate();
      else send(client, frame);
    }
  }

  private pingAll(): void {
    for (const client of this.server.clients) {
      if (this.awaitingPong.has(client)) {
        client.terminate();
        continue;
      }
      this.awaitingPong.add(client);
      client.ping();
    }
  }

  private closeClient(client: WebSocket): Promise<void> {
    if (client.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const deadline = setTimeout(() => client.terminate(), this.options.closeGraceMs ?? 1000);
      client.once('close', () => {
        clearTimeout(deadline);
        resolve();
      });
      client.close(1001, 'server shutting down');
    });
  }
}

function send(client: WebSocket, frame: string): void {
  if (client.readyState === WebSocket.OPEN) client.send(frame);
}

function rawDataToString(frame: RawData): string {
  if (Array.isArray(frame)) return Buffer.concat(frame).toString('utf8');
  if (frame instanceof ArrayBuffer) return Buffer.from(frame).toString('utf8');
  return frame.toString('utf8');
}
