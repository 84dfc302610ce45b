/**
 * What one batch of the real-time table's stream holds for the archive.
 */
import type { DynamoDBRecord } from 'aws-lambda';
import type { Reading } from '../telemetry/reading';
import { fromRealtimeItem } from '../telemetry/realtime-item';
import { realtimeItemFromImage } from './stream-image';

/** The archivable content of a batch. */
export interface StreamBatch {
  /**
   * `stream-<first SequenceNumber>-<last SequenceNumber>`: the same for every delivery of the same
   * batch, so a retried batch overwrites its own archive objects. Matches the sequence number range
   * that the event source mapping's on-failure record names.
   */
  readonly name: string;
  /** Rows of the batch's INSERT and MODIFY records, in stream order. */
  readonly readings: Reading[];
  /** REMOVE records skipped: TTL expiries (or deletes) of items the archive already holds. */
  readonly removed: number;
  /** Sequence numbers of INSERT or MODIFY records whose new image is not a real-time item. */
  readonly malformed: string[];
}

/**
 * Reads a non-empty batch. Throws when a record lacks what the stream is configured to send
 * (a sequence number, a new image): that is a deployment mistake, not bad data.
 */
export function readStreamBatch(records: readonly DynamoDBRecord[]): StreamBatch {
  const readings: Reading[] = [];
  const malformed: string[] = [];
  let removed = 0;
  for (const record of records) {
    const sequenceNumber = sequenceNumberOf(record);
    if (record.eventName === 'REMOVE') {
      removed += 1;
      continue;
    }
    if (record.eventName !== 'INSERT' && record.eventName !== 'MODIFY') {
      throw new Error(`Stream record ${sequenceNumber} has unexpected eventName '${String(record.eventName)}'`);
    }
    const image = record.dynamodb?.NewImage;
    if (image === undefined) {
      throw new Error(`Stream record ${sequenceNumber} has no NewImage; the stream view type must be NEW_IMAGE or NEW_AND_OLD_IMAGES`);
    }
    const item = realtimeItemFromImage(image);
    if (item === undefined) malformed.push(sequenceNumber);
    else readings.push(...fromRealtimeItem(item));
  }
  return { name: batchName(records), readings, removed, malformed };
}

function batchName(records: readonly DynamoDBRecord[]): string {
  const first = records[0];
  const last = records[records.length - 1];
  if (first === undefined || last === undefined) {
    throw new Error('A stream batch must hold at least one record');
  }
  return `stream-${sequenceNumberOf(first)}-${sequenceNumberOf(last)}`;
}

function sequenceNumberOf(record: DynamoDBRecord): string {
  const sequenceNumber = record.dynamodb?.SequenceNumber;
  if (sequenceNumber === undefined || !/^\d+$/.test(sequenceNumber)) {
    throw new Error(`Stream record ${record.eventID ?? '(no eventID)'} has no numeric SequenceNumber`);
  }
  return sequenceNumber;
}
