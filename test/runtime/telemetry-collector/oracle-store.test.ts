import * as fs from 'node:fs';
import * as path from 'node:path';
import oracledb from 'oracledb';
import { StorageUnavailableError } from '../../../lib/runtime/shared/storage-unavailable';
import {
  ORACLE_CREATE_TABLE_SQL,
  ORACLE_LATEST_SQL,
  ORACLE_MERGE_READING_SQL,
  ORACLE_READING_BIND_DEFS,
  ORACLE_TABLE_EXISTS_SQL,
  ORACLE_STATS_SQL,
  oracleLatestBinds,
  oracleWindowBinds,
} from '../../../lib/runtime/telemetry-collector/oracle-sql';
import { OracleStore, isOracleUnavailable } from '../../../lib/runtime/telemetry-collector/oracle-store';
import { LATEST_RECORDS_EXAMINED } from '../../../lib/runtime/telemetry-collector/telemetry-store';
import { FakeOraclePool, oracleError } from './fake-oracle-pool';

const TS = new Date('2026-11-26T10:00:00.123Z');
const ROWS = [
  { deviceId: 'dev-1', ts: TS, metric: 'temp', value: 21.5 },
  { deviceId: 'dev-1', ts: TS, metric: 'rpm', value: 3000 },
];

describe('OracleStore against a fake pool', () => {
  test('writes a batch with one executeMany of the MERGE, typed binds, auto-committed, and returns the connection', async () => {
    const pool = new FakeOraclePool();
    await new OracleStore(pool).write(ROWS);
    expect(pool.calls).toEqual([
      { kind: 'getConnection' },
      { kind: 'executeMany', sql: ORACLE_MERGE_READING_SQL, binds: ROWS, options: { bindDefs: ORACLE_READING_BIND_DEFS, autoCommit: true } },
      { kind: 'release' },
    ]);
  });

  test('writing nothing does not touch the database', async () => {
    const pool = new FakeOraclePool();
    await new OracleStore(pool).write([]);
    expect(pool.calls).toEqual([]);
  });

  test('a primary-key race with a concurrent retry is resolved by running the MERGE again', async () => {
    let merges = 0;
    const pool = new FakeOraclePool((call) => (call.kind === 'executeMany' && ++merges === 1 ? oracleError('ORA-00001') : undefined));
    await new OracleStore(pool).write(ROWS);
    expect(pool.kinds()).toEqual(['getConnection', 'executeMany', 'release', 'getConnection', 'executeMany', 'release']);
  });

  test('latest and stats run their SQL with their binds, as objects, and map rows to readings and statistics', async () => {
    const aggregated = [
      { metric: 'temp', count: 2, min: 20, max: 21.5, mean: 20.75 },
      { metric: 'rpm', count: 1, min: 3000, max: 3000, mean: 3000 },
    ];
    const pool = new FakeOraclePool((call) => (call.kind === 'execute' ? { rows: call.sql === ORACLE_STATS_SQL ? aggregated : ROWS } : undefined));
    const store = new OracleStore(pool);
    const to = new Date(TS.getTime() + 60_000);
    expect(await store.latest('dev-1')).toEqual(ROWS);
    expect(await store.stats('dev-1', TS, to)).toEqual({
      rpm: { count: 1, min: 3000, max: 3000, mean: 3000 },
      temp: { count: 2, min: 20, max: 21.5, mean: 20.75 },
    });
    const executes = pool.calls.filter((call) => call.kind === 'execute');
    expect(executes).toEqual([
      { kind: 'execute', sql: ORACLE_LATEST_SQL, binds: oracleLatestBinds('dev-1', LATEST_RECORDS_EXAMINED), options: { outFormat: oracledb.OUT_FORMAT_OBJECT } },
      { kind: 'execute', sql: ORACLE_STATS_SQL, binds: oracleWindowBinds('dev-1', TS, to), options: { outFormat: oracledb.OUT_FORMAT_OBJECT } },
    ]);
    expect(pool.kinds().filter((kind) => kind === 'release')).toHaveLength(2);
  });

  test('ensureSchema creates the table when user_tables lacks it', async () => {
    const pool = new FakeOraclePool((call) => (call.kind === 'execute' && call.sql === ORACLE_TABLE_EXISTS_SQL ? { rows: [{ count: 0 }] } : undefined));
    await new OracleStore(pool).ensureSchema();
    expect(pool.calls.filter((call) => call.kind === 'execute').map((call) => (call as { sql: string }).sql)).toEqual([ORACLE_TABLE_EXISTS_SQL, ORACLE_CREATE_TABLE_SQL]);
  });

  test('ensureSchema leaves an existing table alone', async () => {
    const pool = new FakeOraclePool((call) => (call.kind === 'execute' ? { rows: [{ count: 1 }] } : undefined));
    await new OracleStore(pool).ensureSchema();
    expect(pool.kinds()).toEqual(['getConnection', 'execute', 'release']);
  });

  test('ensureSchema accepts losing the creation race to another instance', async () => {
    const pool = new FakeOraclePool((call) => {
      if (call.kind !== 'execute') return undefined;
      return call.sql === ORACLE_TABLE_EXISTS_SQL ? { rows: [{ count: 0 }] } : oracleError('ORA-00955');
    });
    await expect(new OracleStore(pool).ensureSchema()).resolves.toBeUndefined();
  });

  test('an unreachable database is StorageUnavailableError, and nothing is left borrowed', async () => {
    const refused = new FakeOraclePool((call) => (call.kind === 'getConnection' ? oracleError('NJS-503') : undefined));
    await expect(new OracleStore(refused).write(ROWS)).rejects.toBeInstanceOf(StorageUnavailableError);
    const broken = new FakeOraclePool((call) => (call.kind === 'executeMany' ? oracleError('NJS-500') : undefined));
    await expect(new OracleStore(broken).write(ROWS)).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(broken.kinds()).toEqual(['getConnection', 'executeMany', 'release']);
  });

  test('other database errors pass through unchanged', async () => {
    const error = oracleError('ORA-00904');
    const pool = new FakeOraclePool((call) => (call.kind === 'execute' ? error : undefined));
    await expect(new OracleStore(pool).latest('dev-1')).rejects.toBe(error);
  });

  test('ping uses a pooled connection; close drains the pool', async () => {
    const pool = new FakeOraclePool();
    const store = new OracleStore(pool);
    await store.ping();
    await store.close();
    expect(pool.calls).toEqual([{ kind: 'getConnection' }, { kind: 'ping' }, { kind: 'release' }, { kind: 'closePool', drainTimeSeconds: 5 }]);
  });

  test.each([['NJS-503'], ['NJS-040'], ['ORA-12541'], ['ORA-01017']])('%s is an outage', (code) => {
    expect(isOracleUnavailable(oracleError(code))).toBe(true);
  });

  test('the collector stays in thin mode: nothing calls initOracleClient', () => {
    const dir = path.join(__dirname, '../../../lib/runtime/telemetry-collector');
    const callers = fs.readdirSync(dir).filter((file) => fs.readFileSync(path.join(dir, file), 'utf8').includes('initOracleClient('));
    expect(callers).toEqual([]);
  });
});
