/**
 * Starts the collector on 127.0.0.1:0 with an in-memory (or given) store, at a fixed "now".
 */
import { silentLogger } from '../../../lib/runtime/shared/json-logger';
import { MemoryStore } from '../../../lib/runtime/telemetry-collector/memory-store';
import { createServer, type CollectorDeps } from '../../../lib/runtime/telemetry-collector/server';

/** The fixed "now" of the collector under test. */
export const NOW = new Date('2026-11-26T12:00:00.000Z');

export interface TestCollector {
  baseUrl: string;
  store: CollectorDeps['store'];
  close(): Promise<void>;
}

export async function startTestCollector(overrides: Partial<CollectorDeps> = {}): Promise<TestCollector> {
  const deps: CollectorDeps = { store: new MemoryStore(), storeKind: 'memory', logger: silentLogger, now: () => NOW, shutdownGraceMs: 500, ...overrides };
  const app = createServer(deps);
  const { port } = await app.listen(0, '127.0.0.1');
  return { baseUrl: `http://127.0.0.1:${port}`, store: deps.store, close: () => app.close() };
}

/** A valid record of `deviceId` taken `minutesAgo` before NOW. */
export function record(deviceId: string, minutesAgo: number, readings: Record<string, number>) {
  return { deviceId, timestamp: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(), readings };
}
