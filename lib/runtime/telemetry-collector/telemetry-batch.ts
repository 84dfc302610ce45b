/**
 * What `POST /telemetry` accepts: one record, an array of records, or `{ "records": [...] }`;
 * each record validated on its own, so one bad record does not cost the batch.
 */
import { HttpError } from '../shared/http-helpers';
import { validateRecord, type Reading } from '../telemetry/reading';

export const MAX_RECORDS_PER_REQUEST = 1000;
export const MAX_TELEMETRY_BODY_BYTES = 1024 * 1024;

/** A record that failed validation: its position in the request and why. */
export interface RejectedRecord {
  index: number;
  reason: string;
}

export interface ValidatedBatch {
  /** Rows of every valid record, to be stored in one write. */
  readings: Reading[];
  /** How many records were valid. */
  accepted: number;
  rejected: RejectedRecord[];
}

/** The records of a parsed body; HttpError 400 for any other shape, 413 for too many records. */
export function recordsOf(body: unknown): unknown[] {
  let records: unknown[];
  if (Array.isArray(body)) records = body;
  else if (typeof body === 'object' && body !== null && 'records' in body) {
    const inner = (body as { records: unknown }).records;
    if (!Array.isArray(inner)) throw new HttpError(400, '"records" must be an array of records');
    records = inner;
  } else if (typeof body === 'object' && body !== null) records = [body];
  else throw new HttpError(400, 'body must be a record, an array of records, or {"records": [...]}');
  if (records.length > MAX_RECORDS_PER_REQUEST) {
    throw new HttpError(413, `at most ${MAX_RECORDS_PER_REQUEST} records per request (got ${records.length})`);
  }
  return records;
}

export function validateBatch(records: readonly unknown[], now: Date): ValidatedBatch {
  const batch: ValidatedBatch = { readings: [], accepted: 0, rejected: [] };
  records.forEach((record, index) => {
    const result = validateRecord(record, now);
    if (result.ok) {
      batch.readings.push(...result.readings);
      batch.accepted += 1;
    } else {
      batch.rejected.push({ index, reason: result.reason });
    }
  });
  return batch;
}
