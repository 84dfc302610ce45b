import { parquetReadObjects } from 'hyparquet';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import type { Reading } from './reading';

/**
 * The archive's layout, shared by its writers (the stage 3-4 export job writes Parquet itself; in
 * stage 5, Data Firehose converts the rows the archive transform hands it) and its readers (the
 * analysis job, Athena through the Glue table): Parquet under `readings/dt=YYYY-MM-DD/`, one row per
 * device, moment and metric, with the columns below. One Glue table reads everything any stage wrote.
 */
export const ARCHIVE_PREFIX = 'readings/';
export const ARCHIVE_SUFFIX = '.parquet';

/** The Glue table's columns, in order, with their Hive types; the Parquet schema below matches them. */
export const ARCHIVE_COLUMNS = [
  { name: 'device_id', type: 'string' },
  { name: 'ts', type: 'timestamp' },
  { name: 'metric', type: 'string' },
  { name: 'value', type: 'double' },
] as const;

/**
 * The JSON key of each column in the rows the stage-5 transform hands Firehose, which maps them back
 * to the columns (`ColumnToJsonKeyMappings` of its OpenX JSON deserializer). One letter each: every
 * metric is a row repeating the device id and time, so the rows are many times the message (up to
 * 28 times; see TRANSFORM_WORST_EXPANSION), and Lambda returns at most 6 MB to Firehose.
 */
export const ARCHIVE_JSON_KEYS = { device_id: 'd', ts: 't', metric: 'm', value: 'v' } as const;

/** One archived row as JSON, keyed by {@link ARCHIVE_JSON_KEYS}: what the stage-5 transform hands Firehose to convert to Parquet. */
export interface ArchiveLine {
  readonly d: string;
  /** Hive's timestamp format, which the OpenX JSON SerDe parses as a timestamp. */
  readonly t: string;
  readonly m: string;
  readonly v: number;
}

/** `2026-11-26 10:00:00.123` (UTC). */
export function hiveTimestamp(ts: Date): string {
  return ts.toISOString().replace('T', ' ').replace('Z', '');
}

export function archiveLine(r: Reading): ArchiveLine {
  return { d: r.deviceId, t: hiveTimestamp(r.ts), m: r.metric, v: r.value };
}

/** The UTC day of a moment, `YYYY-MM-DD`: the archive's partition. */
export function dayOf(ts: Date): string {
  return ts.toISOString().slice(0, 10);
}

/** The prefix of a day's partition. */
export function dayPrefix(day: string): string {
  checkDay(day);
  return `${ARCHIVE_PREFIX}dt=${day}/`;
}

/** Where an archive object of a day lives; `name` must be unique within the day and free of `/`. */
export function archiveKey(day: string, name: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`Invalid archive object name '${name}'`);
  return `${dayPrefix(day)}${name}${ARCHIVE_SUFFIX}`;
}

function checkDay(day: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`Invalid archive day '${day}'`);
}

/** The Parquet schema of an archive object: every column required, timestamps in UTC milliseconds. */
const PARQUET_SCHEMA = [
  { name: 'root', num_children: 4 },
  { name: 'device_id', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
  { name: 'ts', type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type: 'REQUIRED' },
  { name: 'metric', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
  { name: 'value', type: 'DOUBLE', repetition_type: 'REQUIRED' },
] as const;

/**
 * One archive object built a row group at a time: only the encoded (Snappy-compressed) file and the
 * row group being added are in memory, never the rows of earlier groups.
 */
export class ArchiveFileWriter {
  private readonly bytes = new ByteWriter();
  private readonly parquet = new ParquetWriter({ writer: this.bytes, schema: [...PARQUET_SCHEMA] as never, codec: 'SNAPPY', createdBy: 'well-architected-stages telemetry archive' });
  private count = 0;

  /** Adds the readings as one row group. */
  append(readings: readonly Reading[]): void {
    if (readings.length === 0) return;
    const deviceIds: string[] = [];
    const times: bigint[] = [];
    const metrics: string[] = [];
    const values: number[] = [];
    for (const r of readings) {
      deviceIds.push(r.deviceId);
      times.push(BigInt(r.ts.getTime()));
      metrics.push(r.metric);
      values.push(r.value);
    }
    void this.parquet.write({
      columnData: [
        { name: 'device_id', data: deviceIds },
        { name: 'ts', data: times },
        { name: 'metric', data: metrics },
        { name: 'value', data: values },
      ],
      rowGroupSize: readings.length,
    });
    this.count += readings.length;
  }

  get rows(): number {
    return this.count;
  }

  /** The finished file. */
  finish(): Buffer {
    this.parquet.finish();
    const buffer = this.bytes.getBuffer();
    return Buffer.from(buffer);
  }
}

/** A whole archive object in one go: for small objects and tests. */
export function encodeArchive(readings: readonly Reading[]): Buffer {
  const file = new ArchiveFileWriter();
  file.append(readings);
  return file.finish();
}

/** Every row of an archive object, whichever writer made it (INT64 or Hive's INT96 timestamps). */
export async function decodeArchive(body: Buffer): Promise<Reading[]> {
  const file = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
  const rows = (await parquetReadObjects({ file, columns: ['device_id', 'ts', 'metric', 'value'] })) as Array<{ device_id: string; ts: Date | bigint | number; metric: string; value: number }>;
  return rows.map((r) => ({ deviceId: r.device_id, ts: toDate(r.ts), metric: r.metric, value: Number(r.value) }));
}

/** hyparquet gives timestamps as Dates; a raw INT64 without a converted type is epoch milliseconds. */
export function toDate(value: Date | bigint | number): Date {
  return value instanceof Date ? value : new Date(Number(value));
}
