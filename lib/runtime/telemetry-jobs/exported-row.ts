import type { Reading } from '../telemetry/reading';

/**
 * A row of `readings` as the export reads it. PostgreSQL keeps microseconds and a JS Date only
 * milliseconds, so `ts` stays PostgreSQL's exact value as text: binding that text back is what lets
 * the next page start exactly after the last row of the previous one.
 */
export interface ExportedRow {
  readonly deviceId: string;
  /** UTC, microseconds: `2026-01-01T10:00:00.123456Z`. */
  readonly ts: string;
  readonly metric: string;
  readonly value: number;
}

/** The SQL that renders a timestamptz as `ExportedRow.ts`, whatever the session's time zone and date style. */
export function exactTimestampSql(expression: string): string {
  return `to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/**
 * The row as the archive stores it: milliseconds. The digits below are cut, not rounded, so a
 * reading at 23:59:59.9996 stays in its own day's partition.
 */
export function toReading(row: ExportedRow): Reading {
  return { deviceId: row.deviceId, ts: new Date(`${row.ts.slice(0, 23)}Z`), metric: row.metric, value: row.value };
}
