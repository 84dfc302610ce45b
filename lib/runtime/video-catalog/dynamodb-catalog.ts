/**
 * The video catalog on DynamoDB: the same entries, ids and order as the video pool's DocumentDB
 * catalog (lib/runtime/video-app/storage.ts), so clients see no difference.
 */
import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { MAX_CATALOG_ENTRIES_LISTED, type NewVideo, type VideoCatalog, type VideoEntry } from '../video-app/storage';
import { BY_CREATED_AT_INDEX, CREATED_AT_ATTRIBUTE, ID_ATTRIBUTE, LISTING_ATTRIBUTE, LISTING_VALUE } from './catalog-table-schema';

export class DynamoDbCatalog implements VideoCatalog {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(): Promise<VideoEntry[]> {
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: BY_CREATED_AT_INDEX,
        KeyConditionExpression: '#listing = :listing',
        ExpressionAttributeNames: { '#listing': LISTING_ATTRIBUTE },
        ExpressionAttributeValues: { ':listing': LISTING_VALUE },
        ScanIndexForward: true,
        Limit: MAX_CATALOG_ENTRIES_LISTED,
      }),
    );
    return (page.Items ?? []).map(toEntry);
  }

  async get(id: string): Promise<VideoEntry | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { [ID_ATTRIBUTE]: id } }));
    return Item ? toEntry(Item) : undefined;
  }

  async add(video: NewVideo): Promise<VideoEntry> {
    const entry: VideoEntry = { id: randomUUID(), title: video.title, key: video.key, createdAt: this.now().toISOString() };
    if (video.description !== undefined) entry.description = video.description;
    await this.putIfAbsent(entry);
    return entry;
  }

  /** Stores an entry unless one with its id exists; false when it did. Entries never change once added. */
  async putIfAbsent(entry: VideoEntry): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...entry, [LISTING_ATTRIBUTE]: LISTING_VALUE },
          ConditionExpression: 'attribute_not_exists(#id)',
          ExpressionAttributeNames: { '#id': ID_ATTRIBUTE },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException || (error as { name?: unknown }).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }
}

function toEntry(item: Record<string, any>): VideoEntry {
  const entry: VideoEntry = { id: item[ID_ATTRIBUTE], title: item.title, key: item.key, createdAt: item[CREATED_AT_ATTRIBUTE] };
  if (typeof item.description === 'string') entry.description = item.description;
  return entry;
}
