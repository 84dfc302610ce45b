/**
 * `POST /telemetry`: validates every record and stores the valid ones in one write. A
 * record counts as accepted only once that write succeeded; if it fails, the API answers
 * 503 and the device resends the whole batch (writes are idempotent).
 */
import { readJsonBody, sendJson, type JsonBodyLimit } from '../shared/http-helpers';
import type { Route } from '../shared/http-router';
import { MAX_TELEMETRY_BODY_BYTES, recordsOf, validateBatch, type RejectedRecord } from './telemetry-batch';
import type { TelemetryStore } from './telemetry-store';

export interface TelemetryRouteDeps {
  store: Pick<TelemetryStore, 'write'>;
  now(): Date;
}

/** Batches of up to 1 MB; a larger one is drained up to 4 MB before the connection is cut. */
const TELEMETRY_BODY: JsonBodyLimit = { maxBytes: MAX_TELEMETRY_BODY_BYTES, drainFactor: 4, expected: 'JSON' };

/** The 200 answer. */
export interface TelemetryReceipt {
  accepted: number;
  rejected: RejectedRecord[];
}

export function telemetryRoutes({ store, now }: TelemetryRouteDeps): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/telemetry',
      handle: async ({ req, res, logFields }) => {
        const records = recordsOf(await readJsonBody(req, TELEMETRY_BODY));
        const batch = validateBatch(records, now());
        if (batch.readings.length > 0) await store.write(batch.readings);
        Object.assign(logFields, { records: records.length, accepted: batch.accepted, rejected: batch.rejected.length, readings: batch.readings.length });
        sendJson(res, 200, { accepted: batch.accepted, rejected: batch.rejected } satisfies TelemetryReceipt);
      },
    },
  ];
}
