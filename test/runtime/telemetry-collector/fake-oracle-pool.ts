/**
 * Stands in for a node-oracledb pool: records every call in order, and answers or fails
 * as each test scripts it.
 */
import type { OracleConnectionPort, OraclePoolPort } from '../../../lib/runtime/telemetry-collector/oracle-store';

export type OracleCall =
  | { kind: 'getConnection' }
  | { kind: 'execute'; sql: string; binds: unknown; options: unknown }
  | { kind: 'executeMany'; sql: string; binds: unknown; options: unknown }
  | { kind: 'ping' }
  | { kind: 'release' }
  | { kind: 'closePool'; drainTimeSeconds: number };

/** What a call answers: rows for `execute`, or an error for any call. */
export type Script = (call: OracleCall) => { rows?: unknown[] } | Error | undefined;

export class FakeOraclePool implements OraclePoolPort {
  readonly calls: OracleCall[] = [];

  constructor(private readonly script: Script = () => undefined) {}

  async getConnection(): Promise<OracleConnectionPort> {
    this.answer({ kind: 'getConnection' });
    return {
      execute: async (sql, binds, options) => this.answer({ kind: 'execute', sql, binds, options }) as never,
      executeMany: async (sql, binds, options) => this.answer({ kind: 'executeMany', sql, binds, options }) as never,
      ping: async () => void this.answer({ kind: 'ping' }),
      close: async () => void this.answer({ kind: 'release' }),
    };
  }

  async close(drainTimeSeconds: number): Promise<void> {
    this.answer({ kind: 'closePool', drainTimeSeconds });
  }

  /** The calls' kinds, for checking their order. */
  kinds(): string[] {
    return this.calls.map((call) => call.kind);
  }

  private answer(call: OracleCall): { rows?: unknown[] } {
    this.calls.push(call);
    const outcome = this.script(call);
    if (outcome instanceof Error) throw outcome;
    return outcome ?? {};
  }
}

/** An error shaped like node-oracledb's. */
export function oracleError(code: string): Error {
  return Object.assign(new Error(`${code}: scripted failure`), { code });
}
