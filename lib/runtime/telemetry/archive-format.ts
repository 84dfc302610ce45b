import { gunzipSync, gzipSync } from 'node:zlib';
import { Reading } from './reading';

/**
 * The archive's layout, shared by the writers (the export job, the stream archiver) and the readers
 * (the analysis job, Athena through the Glue table): gzip-compressed JSON Lines under
 * `readings/dt=YYYY-MM-DD/`, one object per line with the Glue table's columns.
 */
export const ARCHIVE_PREFIX = 'readings/';

/** One line of an archive object; `ts` in the format Hive and Athena parse as a timestamp. */
export interface ArchiveLine {
  readonly device_id: string;
  readonly ts: string;
  readonly metric: string;
  readonly value: number;
}

/** `2026-11-26 10:00:00.123` (UTC): Hive's timestamp format, which Athena's JSON SerDe reads without options. */
export function hiveTimestamp(ts: Date): string {
  return ts.toISOString().replace('T', ' ').replace('Z', '');
}

/** The UTC day of a moment, `YYYY-MM-DD`: the archive's partition. */
export function dayOf(ts: Date): string {
  return ts.toISOString().slice(0, 10);
}

/** Where an archive object of a day lives; `name` must be unique within the day and free of `/`. */
export function archiveKey(day: string, name: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^[A-Za-z0-9._-]+$/.test(name)) {
    throw new Error(`Invalid archive key parts: day '${day}', name '${name}'`);
  }
  return `${ARCHIVE_PREFIX}dt=${day}/${name}.json.gz`;
}

export function encodeArchive(readings: readonly Reading[]): Buffer {
  const lines = readings.map((r) =>
    JSON.stringify({ device_id: r.deviceId, ts: hiveTimestamp(r.ts), metric: r.metric, value: r.value } satisfies ArchiveLine),
  );
  return gzipSync(lines.join('\n') + (lines.length ? '\n' : ''));
}

export function decodeArchive(body: Buffer): Reading[] {
  return gunzipSync(body)
    .toString('utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const l = JSON.parse(line) as ArchiveLine;
      return { deviceId: l.device_id, ts: new Date(`${l.ts.replace(' ', 'T')}Z`), metric: l.metric, value: l.value };
    });
}
