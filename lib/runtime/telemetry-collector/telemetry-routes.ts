/**
 * `POST /telemetry`: validates every record and stores the valid ones in one write. A
 * record counts as accepted only once that write succeeded; if it fails, the API answers
 * 503 and the device resends the whole batch (writes are idempotent).
 */
import { readJsonBody, sendJson } from './http-helpers';
import type { Route } from './http-router';
import { MAX_TELEMETRY_BODY_BYTES, recordsOf, validateBatch, type RejectedRecord } from './telemetry-batch';
import type { TelemetryStore } from './telemetry-store';

export interface TelemetryRouteDeps {
  store: Pick<TelemetryStore, 'write'>;
  now(): Date;
}

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
        const records = recordsOf(await readJsonBody(req, MAX_TELEMETRY_BODY_BYTES));
        const batch = validateBatch(records, now());
        if (batch.readings.length > 0) await store.write(batch.readings);
        Object.assign(logFields, { records: records.length, accepted: batch.accepted, rejected: batch.rejected.length, readings: batch.readings.length });
        sendJson(res, 200, { accepted: batch.accepted, rejected: batch.rejected } satisfies TelemetryReceipt);
      },
    },
  ];
}
