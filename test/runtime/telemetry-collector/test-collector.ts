/**
 * Starts the collector on 127.0.0.1:0 with an in-memory (or given) store, and small fetch helpers.
 */
import { silentLogger } from '../../../lib/runtime/telemetry-collector/logger';
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

/** A parsed JSON response: status, headers and body. */
export async function request(url: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

export function postJson(url: string, body: unknown): ReturnType<typeof request> {
  return request(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

/** A valid record of `deviceId` taken `minutesAgo` before NOW. */
export function record(deviceId: string, minutesAgo: number, readings: Record<string, number>) {
  return { deviceId, timestamp: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(), readings };
}
