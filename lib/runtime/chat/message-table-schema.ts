/**
 * Attribute names of the chat message history table, shared by the runtime and the CDK construct
 * that creates the table. Free of side effects so infrastructure code can import it.
 */

/** Partition key (string): the chat room. The platform has one live room; the key leaves room for more. */
export const ROOM_ATTRIBUTE = 'room';

/** Sort key (string): `<sentAt ISO-8601>#<message id>`, so a room's messages sort in the order they were sent. */
export const POSITION_ATTRIBUTE = 'position';

/** DynamoDB TTL attribute (number, epoch seconds) after which a message may leave the history. */
export const MESSAGE_TTL_ATTRIBUTE = 'expiresAt';

/** The room every viewer of the platform chats in. */
export const LIVE_ROOM = 'live';

/** A message as every client receives it and the history returns it. */
export interface ChatMessage {
  id: string;
  data: string;
  /** Connection id of the sender. */
  from: string;
  /** ISO-8601 time at which the server accepted the message. */
  sentAt: string;
}

/** One row of the history table. */
export interface MessageItem extends ChatMessage {
  [ROOM_ATTRIBUTE]: string;
  [POSITION_ATTRIBUTE]: string;
  [MESSAGE_TTL_ATTRIBUTE]: number;
}

export function messagePosition(message: Pick<ChatMessage, 'id' | 'sentAt'>): string {
  return `${message.sentAt}#${message.id}`;
}
