/**
 * Data Firehose transformation for the stage-5 archive. The IoT topic rule sends every telemetry
 * message to Firehose as well as to the ingest function; Firehose buffers them and calls this
 * function with a few MiB at a time. Each message becomes its rows in the archive's shape (one JSON
 * document per metric, which Firehose's Parquet conversion reads as one row each, through the Glue
 * table) and the UTC day its readings were taken, which names its partition (`dt=`). A message the
 * ingest function would reject is dropped here too, so the archive and the real-time table agree on
 * what a valid reading is.
 *
 * Nothing here can fail for a message in a way a retry would fix, so it never throws for one.
 * Env: none. IAM: none beyond logging.
 */
import type { FirehoseTransformationEvent, FirehoseTransformationResult, FirehoseTransformationResultRecord } from 'aws-lambda';
import { log } from '../shared/json-logger';
import { archiveLine, dayOf } from '../telemetry/archive-format';
import { validateRecord } from '../telemetry/reading';
import { recordFromRuleEvent } from './rule-event';

/** The partition key the delivery stream's prefix names: `readings/dt=!{partitionKeyFromLambda:dt}/`. */
export const PARTITION_KEY = 'dt';

export async function handler(event: FirehoseTransformationEvent): Promise<FirehoseTransformationResult> {
  const now = new Date();
  let dropped = 0;
  const records = event.records.map((record): FirehoseTransformationResultRecord => {
    const rows = archiveRows(Buffer.from(record.data, 'base64').toString('utf8'), now);
    if (rows === undefined) {
      dropped += 1;
      return { recordId: record.recordId, result: 'Dropped', data: record.data };
    }
    return {
      recordId: record.recordId,
      result: 'Ok',
      data: Buffer.from(rows.lines).toString('base64'),
      metadata: { partitionKeys: { [PARTITION_KEY]: rows.day } },
    };
  });
  // One line per invocation, not per message: the ingest function already logs each rejection.
  if (dropped > 0) log.info('telemetry.archive_dropped', { records: event.records.length, dropped });
  return { records };
}

/** A message's archive rows as newline-separated JSON documents, and their day; undefined when invalid. */
export function archiveRows(message: string, now: Date): { lines: string; day: string } | undefined {
  let event: unknown;
  try {
    event = JSON.parse(message);
  } catch {
    return undefined;
  }
  const extracted = recordFromRuleEvent(event);
  const validated = extracted.ok ? validateRecord(extracted.record, now) : extracted;
  if (!validated.ok) return undefined;
  const first = validated.readings[0];
  if (first === undefined) return undefined;
  // A record is one device at one moment, so all its rows share one day.
  return { lines: validated.readings.map((r) => `${JSON.stringify(archiveLine(r))}\n`).join(''), day: dayOf(first.ts) };
}
