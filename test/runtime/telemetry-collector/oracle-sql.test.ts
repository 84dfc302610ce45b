import oracledb from 'oracledb';
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
} from '../../../lib/runtime/telemetry-collector/oracle-sql';

const TS = new Date('2026-11-26T10:00:00.123Z');

describe('Oracle SQL', () => {
  test('the table mirrors PostgreSQL readings with Oracle types and the same primary key', () => {
    expect(ORACLE_CREATE_TABLE_SQL).toBe(
      'CREATE TABLE readings (\n' +
        '  device_id VARCHAR2(128) NOT NULL,\n' +
        '  ts TIMESTAMP(3) WITH TIME ZONE NOT NULL,\n' +
        '  metric VARCHAR2(64) NOT NULL,\n' +
        '  value BINARY_DOUBLE NOT NULL,\n' +
        '  CONSTRAINT readings_pk PRIMARY KEY (device_id, ts, metric)\n' +
        ')',
    );
    expect(ORACLE_TABLE_EXISTS_SQL).toBe(`SELECT COUNT(*) AS "count" FROM user_tables WHERE table_name = 'READINGS'`);
  });

  test('a row is written with a MERGE that inserts only when its key is new', () => {
    expect(ORACLE_MERGE_READING_SQL).toBe(
      'MERGE INTO readings t\n' +
        'USING (SELECT :deviceId AS device_id, :ts AS ts, :metric AS metric, :value AS value FROM dual) s\n' +
        'ON (t.device_id = s.device_id AND t.ts = s.ts AND t.metric = s.metric)\n' +
        'WHEN NOT MATCHED THEN INSERT (device_id, ts, metric, value) VALUES (s.device_id, s.ts, s.metric, s.value)',
    );
  });

  test('one bind object per reading, named like the MERGE placeholders', () => {
    expect(
      oracleReadingBinds([
        { deviceId: 'dev-1', ts: TS, metric: 'temp', value: 21.5 },
        { deviceId: 'dev-1', ts: TS, metric: 'rpm', value: 3000 },
      ]),
    ).toEqual([
      { deviceId: 'dev-1', ts: TS, metric: 'temp', value: 21.5 },
      { deviceId: 'dev-1', ts: TS, metric: 'rpm', value: 3000 },
    ]);
    const placeholders = [...ORACLE_MERGE_READING_SQL.matchAll(/:(\w+)/g)].map((m) => m[1]);
    expect(placeholders).toEqual(Object.keys(ORACLE_READING_BIND_DEFS));
  });

  test('bind definitions fix every type, and string sizes to the column widths', () => {
    expect(ORACLE_READING_BIND_DEFS).toEqual({
      deviceId: { type: oracledb.DB_TYPE_VARCHAR, maxSize: 128 },
      ts: { type: oracledb.DB_TYPE_TIMESTAMP_TZ },
      metric: { type: oracledb.DB_TYPE_VARCHAR, maxSize: 64 },
      value: { type: oracledb.DB_TYPE_BINARY_DOUBLE },
    });
  });

  test('latest: newest row per metric among the most recent moments', () => {
    expect(ORACLE_LATEST_SQL).toBe(
      'SELECT device_id AS "deviceId", ts AS "ts", metric AS "metric", value AS "value"\n' +
        'FROM (\n' +
        '  SELECT device_id, ts, metric, value, ROW_NUMBER() OVER (PARTITION BY metric ORDER BY ts DESC) AS rn\n' +
        '  FROM readings\n' +
        '  WHERE device_id = :deviceId\n' +
        '    AND ts >= (SELECT MIN(ts) FROM (SELECT DISTINCT ts FROM readings WHERE device_id = :deviceId ORDER BY ts DESC FETCH FIRST :recordCount ROWS ONLY))\n' +
        ')\n' +
        'WHERE rn = 1\n' +
        'ORDER BY metric',
    );
    expect(oracleLatestBinds('dev-1', 100)).toEqual({
      deviceId: { val: 'dev-1', type: oracledb.DB_TYPE_VARCHAR },
      recordCount: { val: 100, type: oracledb.DB_TYPE_NUMBER },
    });
  });

  test('stats: aggregated per metric by the database, both bounds included', () => {
    expect(ORACLE_STATS_SQL).toBe(
      'SELECT metric AS "metric", COUNT(*) AS "count", MIN(value) AS "min", MAX(value) AS "max", AVG(value) AS "mean"\n' +
        'FROM readings\n' +
        'WHERE device_id = :deviceId AND ts BETWEEN :fromTs AND :toTs\n' +
        'GROUP BY metric\n' +
        'ORDER BY metric',
    );
    const to = new Date(TS.getTime() + 3_600_000);
    expect(oracleWindowBinds('dev-1', TS, to)).toEqual({
      deviceId: { val: 'dev-1', type: oracledb.DB_TYPE_VARCHAR },
      fromTs: { val: TS, type: oracledb.DB_TYPE_TIMESTAMP_TZ },
      toTs: { val: to, type: oracledb.DB_TYPE_TIMESTAMP_TZ },
    });
  });

  test('connects with Easy Connect host:port/serviceName', () => {
    expect(oracleConnectString('telemetry.abc.us-east-1.rds.amazonaws.com', 1521, 'TELEMDB')).toBe(
      'telemetry.abc.us-east-1.rds.amazonaws.com:1521/TELEMDB',
    );
  });
});
