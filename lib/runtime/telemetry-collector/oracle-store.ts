/**
 * A TelemetryStore on RDS for Oracle (stage 1) through node-oracledb in thin mode (pure
 * JavaScript: no Oracle Client libraries on the instance).
 */
import oracledb from 'oracledb';
import { StorageUnavailableError } from '../shared/storage-unavailable';
import { sortedByMetric, type MetricStats } from '../telemetry/metric-stats';
import type { Reading } from '../telemetry/reading';
import {
  ORACLE_CREATE_TABLE_SQL,
  ORACLE_LATEST_SQL,
  ORACLE_MERGE_READING_SQL,
  ORACLE_READING_BIND_DEFS,
  ORACLE_TABLE_EXISTS_SQL,
  ORACLE_STATS_SQL,
  oracleConnectString,
  oracleLatestBinds,
  oracleReadingBinds,
  oracleWindowBinds,
} from './oracle-sql';
import { LATEST_RECORDS_EXAMINED, type TelemetryStore } from './telemetry-store';

/** The part of a node-oracledb Connection the store calls; tests pass a fake that records calls. */
export interface OracleConnectionPort {
  execute<T>(sql: string, binds: oracledb.BindParameters, options: oracledb.ExecuteOptions): Promise<oracledb.Result<T>>;
  executeMany(sql: string, binds: oracledb.BindParameters[], options: oracledb.ExecuteManyOptions): Promise<oracledb.Results<unknown>>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The part of a node-oracledb Pool the store calls. */
export interface OraclePoolPort {
  getConnection(): Promise<OracleConnectionPort>;
  close(drainTimeSeconds: number): Promise<void>;
}

/** The longest one database round trip may take before the request fails. */
const CALL_TIMEOUT_MS = 15_000;
const QUERY_OPTIONS: oracledb.ExecuteOptions = { outFormat: oracledb.OUT_FORMAT_OBJECT };

export class OracleStore implements TelemetryStore {
  constructor(private readonly pool: OraclePoolPort) {}

  async write(readings: readonly Reading[]): Promise<void> {
    if (readings.length === 0) return;
    const merge = (connection: OracleConnectionPort) =>
      connection.executeMany(ORACLE_MERGE_READING_SQL, oracleReadingBinds(readings), { bindDefs: ORACLE_READING_BIND_DEFS, autoCommit: true });
    try {
      await this.withConnection(merge);
    } catch (error) {
      // Two writers of the same new row (a device retrying while its first attempt is still
      // running) both see "not matched"; one loses on the primary key. Again, MERGE skips it.
      if (!isUniqueViolation(error)) throw error;
      await this.withConnection(merge);
    }
  }

  async latest(deviceId: string): Promise<Reading[]> {
    return this.query(ORACLE_LATEST_SQL, oracleLatestBinds(deviceId, LATEST_RECORDS_EXAMINED));
  }

  async stats(deviceId: string, from: Date, to: Date): Promise<Record<string, MetricStats>> {
    const { rows } = await this.withConnection((connection) =>
      connection.execute<{ metric: string; count: number; min: number; max: number; mean: number }>(ORACLE_STATS_SQL, oracleWindowBinds(deviceId, from, to), QUERY_OPTIONS),
    );
    return sortedByMetric(new Map((rows ?? []).map((r) => [r.metric, { count: Number(r.count), min: Number(r.min), max: Number(r.max), mean: Number(r.mean) }])));
  }

  /** Oracle has no CREATE TABLE IF NOT EXISTS before 23ai: look first, and accept losing a race. */
  async ensureSchema(): Promise<void> {
    await this.withConnection(async (connection) => {
      const { rows } = await connection.execute<{ count: number }>(ORACLE_TABLE_EXISTS_SQL, {}, QUERY_OPTIONS);
      if (Number(rows?.[0]?.count) > 0) return;
      try {
        await connection.execute(ORACLE_CREATE_TABLE_SQL, {}, {});
      } catch (error) {
        if (!isNameAlreadyUsed(error)) throw error;
      }
    });
  }

  async ping(): Promise<void> {
    await this.withConnection((connection) => connection.ping());
  }

  async close(): Promise<void> {
    await this.pool.close(5);
  }

  private async query(sql: string, binds: oracledb.BindParameters): Promise<Reading[]> {
    const { rows } = await this.withConnection((connection) => connection.execute<Reading>(sql, binds, QUERY_OPTIONS));
    return (rows ?? []).map((row) => ({ deviceId: row.deviceId, ts: row.ts, metric: row.metric, value: Number(row.value) }));
  }

  /** Borrows a pooled connection for one operation; returning it rolls back anything uncommitted. */
  private async withConnection<T>(operation: (connection: OracleConnectionPort) => Promise<T>): Promise<T> {
    let connection: OracleConnectionPort | undefined;
    try {
      connection = await this.pool.getConnection();
      return await operation(connection);
    } catch (error) {
      throw isOracleUnavailable(error) ? new StorageUnavailableError(error) : error;
    } finally {
      await connection?.close().catch(() => {}); // a broken connection is dropped by the pool either way
    }
  }
}

/**
 * node-oracledb's network errors (NJS-5xx), pool queue timeout (NJS-040), call timeout (NJS-123), closed connection
 * (NJS-003), and the server's "cannot serve you now" errors: TNS listener errors, instance
 * starting or shutting down, lost connection, invalid credentials (a password being rotated),
 * and ORA-00942 (no table yet: the schema is created in the background at start).
 */
const UNAVAILABLE_CODES = new Set([
  'NJS-003', 'NJS-040', 'NJS-123', 'NJS-500', 'NJS-501', 'NJS-503', 'NJS-510', 'NJS-511', 'NJS-521', 'NJS-530',
  'ORA-00942', 'ORA-01017', 'ORA-01033', 'ORA-01034', 'ORA-01089', 'ORA-01090', 'ORA-03113', 'ORA-03114', 'ORA-03135',
  'ORA-12514', 'ORA-12516', 'ORA-12519', 'ORA-12520', 'ORA-12521', 'ORA-12528', 'ORA-12537', 'ORA-12541', 'ORA-12170',
]);

export function isOracleUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNAVAILABLE_CODES.has(code);
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ORA-00001';
}

function isNameAlreadyUsed(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ORA-00955';
}

export interface OracleStoreOptions {
  user: string;
  password: string;
  host: string;
  port: number;
  serviceName: string;
}

/**
 * A store on a pool that opens connections on demand, so the collector starts (and answers
 * health checks) while the database is unreachable. Thin mode: never calls initOracleClient.
 */
export async function openOracleStore(options: OracleStoreOptions): Promise<OracleStore> {
  const pool = await oracledb.createPool({
    user: options.user,
    password: options.password,
    connectString: oracleConnectString(options.host, options.port, options.serviceName),
    poolMin: 0,
    poolMax: 10,
    poolIncrement: 1,
    // Fail a request within seconds while the database is unreachable, instead of queueing for a minute.
    queueTimeout: 5_000,
    connectTimeout: 5,
    transportConnectTimeout: 5,
  });
  return new OracleStore({
    getConnection: async () => {
      const connection = await pool.getConnection();
      connection.callTimeout = CALL_TIMEOUT_MS;
      return connection;
    },
    close: (drainTimeSeconds) => pool.close(drainTimeSeconds),
  });
}
