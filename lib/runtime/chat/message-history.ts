/**
 * The chat's message history: every accepted message is stored once, in the order it was sent, and
 * `GET /chat/history` reads the most recent ones, as the chat pool's DocumentDB log did.
 *
 * Env: MESSAGES_TABLE_NAME (required); DYNAMODB_ENDPOINT (tests and local runs only, e.g. dynalite).
 * Both are read at cold start.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { optionalEnv, requireEnv } from '../shared/env';
import {
  LIVE_ROOM,
  messagePosition,
  MESSAGE_TTL_ATTRIBUTE,
  POSITION_ATTRIBUTE,
  ROOM_ATTRIBUTE,
  type ChatMessage,
  type MessageItem,
} from './message-table-schema';

const tableName = requireEnv('MESSAGES_TABLE_NAME');
const endpoint = optionalEnv('DYNAMODB_ENDPOINT');

// Module scope: reused across invocations of a warm execution environment.
const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient(endpoint ? { endpoint } : {}));

/** Stores a message in the live room; `expiresAt` is epoch seconds for DynamoDB TTL. */
export async function storeMessage(message: ChatMessage, expiresAt: number): Promise<void> {
  const item: MessageItem = {
    [ROOM_ATTRIBUTE]: LIVE_ROOM,
    [POSITION_ATTRIBUTE]: messagePosition(message),
    [MESSAGE_TTL_ATTRIBUTE]: expiresAt,
    id: message.id,
    data: message.data,
    from: message.from,
    sentAt: message.sentAt,
  };
  await documentClient.send(new PutCommand({ TableName: tableName, Item: item }));
}

/** The `limit` most recent messages of the live room, oldest first: one bounded read, newest first, then flipped. */
export async function recentMessages(limit: number): Promise<ChatMessage[]> {
  const page = await documentClient.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: '#room = :room',
      ExpressionAttributeNames: { '#room': ROOM_ATTRIBUTE },
      ExpressionAttributeValues: { ':room': LIVE_ROOM },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (page.Items ?? []).reverse().map((item) => ({ id: item.id, data: item.data, from: item.from, sentAt: item.sentAt }));
}
