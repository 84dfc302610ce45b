import { decodeArchive } from '../../../../lib/runtime/telemetry/archive-format';
import type { LocalS3 } from '../../../support/local-s3';
import type { Row } from './readings-database';

/** One archived reading, as a comparable line: `<key's day> <device> <ts> <metric> <value>`. */
export type ArchivedLine = string;

/** Every reading in the bucket's archive, one line each, sorted; duplicates stay (that is the point). */
export async function archivedLines(s3: LocalS3, bucket: string): Promise<ArchivedLine[]> {
  const lines: ArchivedLine[] = [];
  for (const key of await s3.keys(bucket, 'readings/')) {
    const day = /dt=(\d{4}-\d{2}-\d{2})\//.exec(key)![1];
    for (const r of await decodeArchive(await s3.read(bucket, key))) {
      lines.push(`${day} ${r.deviceId} ${r.ts.toISOString()} ${r.metric} ${r.value}`);
    }
  }
  return lines.sort();
}

/** What the archive must hold for a table row: its day, and its time cut to milliseconds. */
export function expectedLine(row: Row): ArchivedLine {
  return `${row.ts.slice(0, 10)} ${row.deviceId} ${row.ts.slice(0, 23)}Z ${row.metric} ${row.value}`;
}

export function expectedLines(rows: readonly Row[]): ArchivedLine[] {
  return rows.map(expectedLine).sort();
}
