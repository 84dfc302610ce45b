import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { S3RVER_CREDENTIALS } from '../../../support/local-s3';

const PROJECT_ROOT = path.resolve(__dirname, '../../../..');

/** A job's entry point running as its own process, as in the container (through tsx instead of the bundle). */
export interface JobProcess {
  /** Resolves with the first JSON log line `event` names, or rejects when the job ends first or `timeoutMs` passes. */
  waitForEvent(event: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves when the process has ended, with its exit code (null when killed), every JSON log line, and stderr as it was. */
  readonly ended: Promise<{ code: number | null; logs: Array<Record<string, unknown>>; stderr: string }>;
  kill(signal: NodeJS.Signals): void;
}

/** Starts `lib/runtime/telemetry-jobs/<script>.ts` with only `env` (plus PATH, the local S3 key pair and a region). */
export function startJob(script: 'export-archive' | 'analyse', env: Record<string, string>): JobProcess {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(PROJECT_ROOT, 'lib', 'runtime', 'telemetry-jobs', `${script}.ts`)],
    {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env.PATH,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
        NODE_NO_WARNINGS: '1', // the SDK's notice about Node.js 20 on stderr
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const logs: Array<Record<string, unknown>> = [];
  const listeners = new Set<() => void>();
  let stderr = '';
  // Info lines go to stdout, error lines to stderr: both are the job's log.
  const collectLines = () => {
    let pending = '';
    return (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      let newline: number;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        try {
          logs.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          // not a log line
        }
      }
      listeners.forEach((listener) => listener());
    };
  };
  child.stdout!.on('data', collectLines());
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  child.stderr!.on('data', collectLines());
  let exited = false;
  const ended = new Promise<{ code: number | null; logs: Array<Record<string, unknown>>; stderr: string }>((resolve) => {
    child.on('close', (code) => {
      exited = true;
      resolve({ code, logs, stderr });
      listeners.forEach((listener) => listener());
    });
  });

  return {
    ended,
    kill: (signal) => child.kill(signal),
    waitForEvent: (event, timeoutMs = 8_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = logs.find((line) => line.event === event);
          if (found) finish(() => resolve(found));
          else if (exited) finish(() => reject(new Error(`the job ended without logging '${event}':\n${stderr}`)));
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`no '${event}' within ${timeoutMs} ms:\n${stderr}`))), timeoutMs);
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      }),
  };
}
