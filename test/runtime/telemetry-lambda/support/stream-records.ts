import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { RealtimeItem } from '../../../../lib/runtime/telemetry/realtime-item';

type StreamImage = Record<string, AttributeValue>;

/** An item's image in DynamoDB JSON, as the stream event carries it. */
export function imageOf(item: object): StreamImage {
  return marshall(item) as unknown as StreamImage;
}

/**
 * One record of the real-time table's stream (view type NEW_AND_OLD_IMAGES): INSERT and MODIFY
 * carry the item as NewImage, REMOVE only as OldImage.
 */
export function streamRecord(eventName: 'INSERT' | 'MODIFY' | 'REMOVE', sequenceNumber: string, item: RealtimeItem): DynamoDBRecord {
  const image = imageOf(item);
  return {
    eventID: `event-${sequenceNumber}`,
    eventName,
    eventSource: 'aws:dynamodb',
    eventVersion: '1.1',
    awsRegion: 'us-east-1',
    eventSourceARN: 'arn:aws:dynamodb:us-east-1:123456789012:table/realtime/stream/2026-01-01T00:00:00.000',
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(item.ts / 1000),
      Keys: imageOf({ deviceId: item.deviceId, ts: item.ts }),
      ...(eventName === 'REMOVE' ? { OldImage: image } : { NewImage: image }),
      SequenceNumber: sequenceNumber,
      SizeBytes: 100,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

export const streamEvent = (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });
