/**
 * Turning a DynamoDB stream image of the real-time table back into an item.
 */
import type { AttributeValue as SdkAttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue as StreamAttributeValue } from 'aws-lambda';
import type { RealtimeItem } from '../telemetry/realtime-item';

/** An image as the stream event carries it (attribute values in DynamoDB JSON). */
export type StreamImage = Record<string, StreamAttributeValue>;

/** The item an image holds, or undefined when it is not in the real-time item format. */
export function realtimeItemFromImage(image: StreamImage): RealtimeItem | undefined {
  // Every number was a JavaScript number when it was written, so parsing as double restores it
  // exactly; the default would turn large integers into bigint, which JSON cannot encode.
  const value = unmarshall(image as Record<string, SdkAttributeValue>, { wrapNumbers: (n) => Number(n) });
  return isRealtimeItem(value) ? value : undefined;
}

function isRealtimeItem(value: unknown): value is RealtimeItem {
  const { deviceId, ts, readings, expiresAt } = value as Record<string, unknown>;
  return (
    typeof deviceId === 'string' &&
    Number.isSafeInteger(ts) &&
    typeof expiresAt === 'number' &&
    typeof readings === 'object' &&
    readings !== null &&
    !Array.isArray(readings) &&
    Object.values(readings).every((reading) => typeof reading === 'number' && Number.isFinite(reading))
  );
}
