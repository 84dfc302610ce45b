/**
 * A TelemetryStore on PostgreSQL (Aurora PostgreSQL in stages 2-4): one row per
 * (device, moment, metric) in table `readings`, partitioned by UTC day (see
 * ../telemetry/readings-partitions). The archive export job moves whole past days out, so the
 * table's name, columns and partitioning are a contract.
 */
import type { Logger } from '../shared/json-logger';
import { StorageUnavailableError } from '../shared/storage-unavailable';
import { sortedByMetric, type MetricStats } from '../telemetry/metric-stats';
import type { Reading } from '../telemetry/reading';
import { CREATE_PARTITIONED_READINGS_SQL, daysAround, ensureDayPartitions, isMissingPartition, readingsKind, utcDay } from '../telemetry/readings-partitions';
import { LATEST_RECORDS_EXAMINED, type TelemetryStore } from './telemetry-store';

/** The part of a `pg` Pool the store calls; tests may pass a real Pool. */
export interface PostgresQueryable {
  query<R extends object>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount?: number | null }>;
  end(): Promise<void>;
}

// The advisory lock makes instances that start together create the schema one after the
// other: concurrent CREATE ... IF NOT EXISTS can still fail on the catalog's unique indexes.
// One simple-protocol query with several statements runs as one transaction, which holds the lock.
const POSTGRES_SCHEMA_SQL = `
SELECT pg_advisory_xact_lock(hashtext('telemetry-collector:readings-schema'));
${CREATE_PARTITIONED_READINGS_SQL};
`;

/** Partitions made ahead at start: yesterday (late readings) to a week ahead. The export job keeps them coming. */
const PARTITION_DAYS_BEHIND = 1;
const PARTITION_DAYS_AHEAD = 7;

const INSERT_SQL = `
INSERT INTO readings (device_id, ts, metric, value)
SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::float8[])
ON CONFLICT DO NOTHING`;

// Walks the primary key backwards to find the device's most recent moments, then keeps the
// newest row per metric among them.
const LATEST_SQL = `
SELECT DISTINCT ON (metric) device_id, ts, metric, value
FROM readings
WHERE device_id = $1
  AND ts >= (SELECT min(ts) FROM (SELECT DISTINCT ts FROM readings WHERE device_id = $1 ORDER BY ts DESC LIMIT $2) recent)
ORDER BY metric, ts DESC`;

// Aggregated by the database over the primary key's (device_id, ts) prefix: one row per metric comes
// back, however many readings the window holds. sum / count rather than avg: float8 avg also sums
// squares, which overflows for values above about 1e154.
const STATS_SQL = `
SELECT metric, count(*)::int AS count, min(value) AS min, max(value) AS max, sum(value) / count(*) AS mean
FROM readings
WHERE device_id = $1 AND ts BETWEEN $2 AND $3
GROUP BY metric`;

// The same through numeric, exact whatever the magnitude, for the window whose float8 sum overflows.
const STATS_NUMERIC_SQL = STATS_SQL.replace('sum(value) / count(*)', 'avg(value::numeric)::float8');

/** numeric_value_out_of_range: here, a float8 sum beyond 1.8e308. */
const OVERFLOW = '22003';

interface StatsRow {
  metric: string;
  count: number;
  min: number;
  max: number;
  mean: number;
}

interface ReadingRow {
  device_id: string;
  ts: Date;
  metric: string;
  value: number;
}

export class PostgresStore implements TelemetryStore {
  /**
   * @param onAuthenticationFailure called when the server rejects the credentials, so the
   *   caller can re-read a rotated secret before the next connection.
   */
  constructor(
    private readonly pool: PostgresQueryable,
    private readonly onAuthenticationFailure: () => void = () => {},
    private readonly logger?: Pick<Logger, 'warn'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * One INSERT. A reading for a day that has no partition yet (past midnight before the export job
   * made it, or a device sending old readings) fails the insert as a whole; the store then creates
   * the batch's days and inserts once more.
   */
  async write(readings: readonly Reading[]): Promise<void> {
    if (readings.length === 0) return;
    const insert = (pool: PostgresQueryable) =>
      pool.query(INSERT_SQL, [
        readings.map((r) => r.deviceId),
        readings.map((r) => r.ts.toISOString()),
        readings.map((r) => r.metric),
        readings.map((r) => r.value),
      ]);
    await this.run(async (pool) => {
      try {
        await insert(pool);
      } catch (error) {
        if (!isMissingPartition(error)) throw error;
        await ensureDayPartitions(pool, readings.map((r) => utcDay(r.ts)));
        await insert(pool);
      }
    });
  }

  async latest(deviceId: string): Promise<Reading[]> {
    const { rows } = await this.run((pool) => pool.query<ReadingRow>(LATEST_SQL, [deviceId, LATEST_RECORDS_EXAMINED]));
    return rows.map(toReading);
  }

  async stats(deviceId: string, from: Date, to: Date): Promise<Record<string, MetricStats>> {
    const binds = [deviceId, from.toISOString(), to.toISOString()];
    const { rows } = await this.run(async (pool) => {
      try {
        return await pool.query<StatsRow>(STATS_SQL, binds);
      } catch (error) {
        if ((error as { code?: unknown } | null)?.code !== OVERFLOW) throw error;
        return pool.query<StatsRow>(STATS_NUMERIC_SQL, binds);
      }
    });
    return sortedByMetric(new Map(rows.map((r) => [r.metric, { count: r.count, min: Number(r.min), max: Number(r.max), mean: Number(r.mean) }])));
  }

  /**
   * Creates the partitioned table and the days around today. A `readings` table from before
   * partitioning (stage 2) is left as it is and written as it is: the archive export job migrates it
   * (see the README), and until then nothing changes for the collector.
   */
  async ensureSchema(): Promise<void> {
    await this.run(async (pool) => {
      await pool.query(POSTGRES_SCHEMA_SQL);
      if ((await readingsKind(pool)) === 'plain') {
        this.logger?.warn('postgres.readings_unpartitioned', { detail: 'readings is not partitioned by day yet; the archive export job migrates it on its next run' });
        return;
      }
      await ensureDayPartitions(pool, daysAround(this.now(), -PARTITION_DAYS_BEHIND, PARTITION_DAYS_BEHIND + 1 + PARTITION_DAYS_AHEAD));
    });
  }

  async ping(): Promise<void> {
    await this.run((pool) => pool.query('SELECT 1'));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async run<T>(operation: (pool: PostgresQueryable) => Promise<T>): Promise<T> {
    try {
      return await operation(this.pool);
    } catch (error) {
      if (isAuthenticationFailure(error)) this.onAuthenticationFailure();
      throw isPostgresUnavailable(error) ? new StorageUnavailableError(error) : error;
    }
  }
}

function toReading(row: ReadingRow): Reading {
  return { deviceId: row.device_id, ts: row.ts, metric: row.metric, value: Number(row.value) };
}

const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
const UNAVAILABLE_MESSAGES = [/^Connection terminated/, /^timeout exceeded when trying to connect/, /^Query read timeout/];

/** Errors that say "try again later" rather than "this request is wrong". */
export function isPostgresUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    // 08: connection exception; 53: insufficient resources; 57P0x: server shutting down or starting;
    // 57014: statement timeout; 40001/40P01: serialization failure or deadlock; 42P01: the table
    // does not exist yet (the schema is created in the background at start); 55P03: a partition's
    // lock not granted in time; 55000: the day's partition is being archived by the export job.
    if (/^(08|53)/.test(code) || /^57P0[1-4]$/.test(code) || ['57014', '40001', '40P01', '42P01', '55P03', '55000'].includes(code)) return true;
    if (NETWORK_ERROR_CODES.has(code) || isAuthenticationFailure(error)) return true;
  }
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
}

/** 28P01 invalid_password, 28000 invalid_authorization_specification: typically a rotated password. */
function isAuthenticationFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '28P01' || code === '28000';
}
