#!/usr/bin/env node
/**
 * How fast the commands a workshop runs are, from the command line as an attendee runs them:
 *
 *   npm run bench            (ROUNDS=3 by default)
 *
 * Each figure is measured ROUNDS times and printed as median (min-max). "cold" starts from a clean
 * checkout's state: no cdk.out caches and no tsx transpile cache (TSX_DISABLE_CACHE=1); "warm" reruns
 * with the caches the cold run left. The machine may be shared: read the figures as ranges.
 *
 * It deletes and rebuilds cdk.out/wa-stages and cdk.out/stages (both caches, regenerated on demand).
 * The edit-and-score figure appends a comment to a stage file before each round (a content change, so
 * the cache misses as after a real edit) and restores the file after it. ONLY=<regex> runs the figures
 * whose name matches, e.g. ONLY='help|list|warm|edit' npm run bench.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = path.resolve(__dirname, '..');
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const CACHES = [path.join(ROOT, 'cdk.out', 'wa-stages'), path.join(ROOT, 'cdk.out', 'stages')];
const REPORT = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-report-'));

interface Figure {
  readonly name: string;
  readonly target?: number;
  readonly command: string[];
  readonly cold: boolean;
  /** Run before each timed round (not timed), e.g. an edit of a stage file. */
  readonly before?: (round: number) => void;
  /** Run after each timed round, whatever happened. */
  readonly after?: () => void;
}

/** The stage file the edit-and-score loop edits, as an attendee fixing stage 2 would. */
const EDITED = path.join(ROOT, 'stages', 'video', 'stage-2-split-pools.ts');
const original = fs.readFileSync(EDITED, 'utf8');
// Restored with the file: a newer stage file makes wa-stages.cjs treat dist/ as stale and run through tsx.
const originalTimes = fs.statSync(EDITED);

const wa = (...args: string[]) => [process.execPath, path.join(ROOT, 'bin', 'wa-stages.cjs'), ...args];
const FIGURES: Figure[] = [
  { name: 'wa-stages --help', target: 0.5, command: wa('--help'), cold: false },
  { name: 'wa-stages list', target: 0.5, command: wa('list'), cold: false },
  { name: 'wa-stages show video 3, warm', target: 2, command: wa('show', 'video', '3'), cold: false },
  { name: 'wa-stages diff video 3 4, warm', target: 2, command: wa('diff', 'video', '3', '4'), cold: false },
  {
    name: 'edit stage 2, score video 2',
    target: 5,
    command: wa('score', 'video', '2'),
    cold: false,
    before: (round) => fs.writeFileSync(EDITED, `${original}\n// bench edit ${Date.now()}-${round}\n`),
    after: () => {
      fs.writeFileSync(EDITED, original);
      fs.utimesSync(EDITED, originalTimes.atime, originalTimes.mtime);
    },
  },
  { name: 'wa-stages diff video 1 2, cold', target: 5, command: wa('diff', 'video', '1', '2'), cold: true },
  { name: 'wa-stages diff video 1 2, warm', command: wa('diff', 'video', '1', '2'), cold: false },
  { name: 'wa-stages diff iot 4 5, cold', target: 5, command: wa('diff', 'iot', '4', '5'), cold: true },
  { name: 'npm run check, cold', target: 20, command: ['npm', 'run', '--silent', 'check'], cold: true },
  { name: 'npm run check, warm', command: ['npm', 'run', '--silent', 'check'], cold: false },
  { name: 'wa-stages report, cold', target: 30, command: wa('report', '--out', REPORT), cold: true },
  { name: 'wa-stages report, warm', command: wa('report', '--out', REPORT), cold: false },
];

function run(figure: Figure, round = 0): number {
  if (figure.cold) for (const dir of CACHES) fs.rmSync(dir, { recursive: true, force: true });
  const env = { ...process.env, ...(figure.cold ? { TSX_DISABLE_CACHE: '1' } : {}) };
  figure.before?.(round);
  let seconds: number;
  let result: ReturnType<typeof spawnSync>;
  try {
    const start = performance.now();
    result = spawnSync(figure.command[0], figure.command.slice(1), { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    seconds = (performance.now() - start) / 1000;
  } finally {
    figure.after?.();
  }
  if (result.status !== 0) throw new Error(`${figure.command.join(' ')} exited ${result.status}: ${result.stderr}`);
  return seconds;
}

const s = (x: number) => `${x.toFixed(2)} s`;
console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; ${ROUNDS} rounds each`);
const only = process.env.ONLY ? new RegExp(process.env.ONLY) : undefined;
for (const figure of FIGURES.filter((f) => !only || only.test(f.name))) {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // A warm figure needs the caches its cold twin leaves; make sure they exist before the first round.
    if (!figure.cold && round === 0) run({ ...figure, cold: false, before: undefined, after: undefined });
    times.push(run(figure, round));
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const verdict = figure.target === undefined ? '' : median < figure.target ? `  (target < ${figure.target} s: met)` : `  (target < ${figure.target} s: NOT met)`;
  console.log(`${figure.name.padEnd(34)} ${s(median).padStart(7)}  (${s(times[0])}-${s(times[times.length - 1])})${verdict}`);
}
fs.rmSync(REPORT, { recursive: true, force: true });
