/**
 * The SQL the Oracle store sends and the binds it sends with it, as pure functions and
 * constants, so they are tested exactly without an Oracle server. The table is the same
 * logical table as PostgreSQL's `readings`.
 */
import oracledb from 'oracledb';
import type { Reading } from '../telemetry/reading';

export const ORACLE_TABLE_EXISTS_SQL = `SELECT COUNT(*) AS "count" FROM user_tables WHERE table_name = 'READINGS'`;

export const ORACLE_CREATE_TABLE_SQL = `CREATE TABLE readings (
  device_id VARCHAR2(128) NOT NULL,
  ts TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  metric VARCHAR2(64) NOT NULL,
  value BINARY_DOUBLE NOT NULL,
  CONSTRAINT readings_pk PRIMARY KEY (device_id, ts, metric)
)`;

/** Inserts one row unless its key exists: executed once per row by `executeMany`, in one round trip. */
export const ORACLE_MERGE_READING_SQL = `MERGE INTO readings t
USING (SELECT :deviceId AS device_id, :ts AS ts, :metric AS metric, :value AS value FROM dual) s
ON (t.device_id = s.device_id AND t.ts = s.ts AND t.metric = s.metric)
WHEN NOT MATCHED THEN INSERT (device_id, ts, metric, value) VALUES (s.device_id, s.ts, s.metric, s.value)`;

/** The newest row per metric among the device's `:recordCount` most recent moments. */
export const ORACLE_LATEST_SQL = `SELECT device_id AS "deviceId", ts AS "ts", metric AS "metric", value AS "value"
FROM (
  SELECT device_id, ts, metric, value, ROW_NUMBER() OVER (PARTITION BY metric ORDER BY ts DESC) AS rn
  FROM readings
  WHERE device_id = :deviceId
    AND ts >= (SELECT MIN(ts) FROM (SELECT DISTINCT ts FROM readings WHERE device_id = :deviceId ORDER BY ts DESC FETCH FIRST :recordCount ROWS ONLY))
)
WHERE rn = 1
ORDER BY metric`;

/** count/min/max/mean per metric of a device's window, aggregated by the database. */
export const ORACLE_STATS_SQL = `SELECT metric AS "metric", COUNT(*) AS "count", MIN(value) AS "min", MAX(value) AS "max", AVG(value) AS "mean"
FROM readings
WHERE device_id = :deviceId AND ts BETWEEN :fromTs AND :toTs
GROUP BY metric
ORDER BY metric`;

/** One bind object per row for ORACLE_MERGE_READING_SQL. */
export type OracleReadingBinds = {
  deviceId: string;
  ts: Date;
  metric: string;
  value: number;
};

export function oracleReadingBinds(readings: readonly Reading[]): OracleReadingBinds[] {
  return readings.map(({ deviceId, ts, metric, value }) => ({ deviceId, ts, metric, value }));
}

/**
 * Explicit types and sizes: without them executeMany infers them from the first row, and
 * a later, longer string would fail the whole batch.
 */
export const ORACLE_READING_BIND_DEFS: Record<keyof OracleReadingBinds, oracledb.BindDefinition> = {
  deviceId: { type: oracledb.DB_TYPE_VARCHAR, maxSize: 128 },
  ts: { type: oracledb.DB_TYPE_TIMESTAMP_TZ },
  metric: { type: oracledb.DB_TYPE_VARCHAR, maxSize: 64 },
  value: { type: oracledb.DB_TYPE_BINARY_DOUBLE },
};

export function oracleLatestBinds(deviceId: string, recordCount: number): oracledb.BindParameters {
  return { deviceId: { val: deviceId, type: oracledb.DB_TYPE_VARCHAR }, recordCount: { val: recordCount, type: oracledb.DB_TYPE_NUMBER } };
}

export function oracleWindowBinds(deviceId: string, from: Date, to: Date): oracledb.BindParameters {
  return {
    deviceId: { val: deviceId, type: oracledb.DB_TYPE_VARCHAR },
    fromTs: { val: from, type: oracledb.DB_TYPE_TIMESTAMP_TZ },
    toTs: { val: to, type: oracledb.DB_TYPE_TIMESTAMP_TZ },
  };
}

/** Easy Connect: `host:port/serviceName`. */
export function oracleConnectString(host: string, port: number, serviceName: string): string {
  return `${host}:${port}/${serviceName}`;
}
