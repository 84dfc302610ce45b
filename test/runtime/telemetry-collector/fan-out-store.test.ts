import { StorageUnavailableError } from '../../../lib/runtime/shared/storage-unavailable';
import type { Reading } from '../../../lib/runtime/telemetry/reading';
import { FanOutStore } from '../../../lib/runtime/telemetry-collector/fan-out-store';
import { MemoryStore } from '../../../lib/runtime/telemetry-collector/memory-store';

const ROWS: Reading[] = [{ deviceId: 'dev-1', ts: new Date('2026-11-26T10:00:00Z'), metric: 'temp', value: 21.5 }];

/** A MemoryStore whose calls can be made to fail, counting the schema runs. */
class ScriptedStore extends MemoryStore {
  failWrite: unknown;
  failPing: unknown;
  schemaRuns = 0;
  closed = false;

  override async write(readings: readonly Reading[]): Promise<void> {
    if (this.failWrite) throw this.failWrite;
    await super.write(readings);
  }

  override async ping(): Promise<void> {
    if (this.failPing) throw this.failPing;
  }

  async ensureSchema(): Promise<void> {
    this.schemaRuns++;
  }

  override async close(): Promise<void> {
    this.closed = true;
  }
}

function stores() {
  const realtime = new MemoryStore();
  const history = new ScriptedStore();
  return { realtime, history, fanOut: new FanOutStore(realtime, history) };
}

describe('FanOutStore (stage 4)', () => {
  test('writes go to both the real-time table and the history', async () => {
    const { realtime, history, fanOut } = stores();
    await fanOut.write(ROWS);
    expect(await realtime.window('dev-1', ROWS[0].ts, ROWS[0].ts)).toEqual(ROWS);
    expect(await history.window('dev-1', ROWS[0].ts, ROWS[0].ts)).toEqual(ROWS);
  });

  test('reads come from the real-time table only', async () => {
    const { realtime, history, fanOut } = stores();
    await history.write(ROWS);
    expect(await fanOut.latest('dev-1')).toEqual([]);
    await realtime.write(ROWS);
    expect(await fanOut.latest('dev-1')).toEqual(ROWS);
    expect(await fanOut.stats('dev-1', ROWS[0].ts, ROWS[0].ts)).toEqual({ temp: { count: 1, min: 21.5, max: 21.5, mean: 21.5 } });
  });

  test('a failed history write fails the whole write, after the real-time write finished', async () => {
    const { realtime, history, fanOut } = stores();
    history.failWrite = new StorageUnavailableError(new Error('aurora failover'));
    await expect(fanOut.write(ROWS)).rejects.toBeInstanceOf(StorageUnavailableError);
    // Already stored there; the device's retry rewrites it harmlessly.
    expect(await realtime.latest('dev-1')).toEqual(ROWS);
  });

  test('when both fail, the error that is not an outage wins', async () => {
    const bug = new TypeError('bug');
    const realtime = new ScriptedStore();
    const history = new ScriptedStore();
    realtime.failWrite = new StorageUnavailableError(new Error('throttled'));
    history.failWrite = bug;
    await expect(new FanOutStore(realtime, history).write(ROWS)).rejects.toBe(bug);
  });

  test('ping needs both; the schema is ensured and both are closed', async () => {
    const { history, fanOut } = stores();
    await expect(fanOut.ping()).resolves.toBeUndefined();
    history.failPing = new Error('down');
    await expect(fanOut.ping()).rejects.toThrow('down');
    await fanOut.ensureSchema();
    expect(history.schemaRuns).toBe(1);
    await fanOut.close();
    expect(history.closed).toBe(true);
  });
});
