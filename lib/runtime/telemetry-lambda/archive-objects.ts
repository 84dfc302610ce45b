/**
 * Splitting a batch's rows into archive objects, one per UTC day (the archive's partition).
 */
import { archiveKey, dayOf, encodeArchive } from '../telemetry/archive-format';
import type { Reading } from '../telemetry/reading';

/** One object to write to the archive bucket. */
export interface ArchiveObject {
  readonly key: string;
  readonly body: Buffer;
  readonly rows: number;
}

/**
 * One object per day that `readings` touch, named `name` within the day's partition; rows keep
 * their order, days come out in calendar order. No readings, no objects.
 */
export function archiveObjectsByDay(readings: readonly Reading[], name: string): ArchiveObject[] {
  const byDay = new Map<string, Reading[]>();
  for (const reading of readings) {
    const day = dayOf(reading.ts);
    const rows = byDay.get(day) ?? [];
    rows.push(reading);
    byDay.set(day, rows);
  }
  return [...byDay.keys()]
    .sort()
    .map((day) => {
      const rows = byDay.get(day) ?? [];
      return { key: archiveKey(day, name), body: encodeArchive(rows), rows: rows.length };
    });
}
