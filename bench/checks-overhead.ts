#!/usr/bin/env node
/**
 * What the Well-Architected checks cost at synth: every stage of both case studies synthesized as
 * `cdk synth` does (bundling, built-in template validation), with the two packs and the scorecards
 * on and with `checks=false`, alternating in one process so both see the same warm caches.
 *
 *   npm run bench:checks            (ROUNDS=5 by default; the first round is a discarded warm-up)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeApp } from '../lib/app/make-app';
import { addPlatforms } from '../lib/app/platforms';

process.env.JSII_DEPRECATED ??= 'quiet';
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const STAGES = [1, 2, 3, 4, 5];
const outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-checks-'));

function synthAll(checks: boolean): number {
  const start = performance.now();
  for (const stage of STAGES) {
    const app = makeApp({ outdir: path.join(outRoot, `${checks}-${stage}`), context: { video: stage, iot: stage, checks } });
    addPlatforms(app);
    const error = console.error;
    console.error = () => undefined; // the printed validation report is not what is measured
    try {
      app.synth();
    } finally {
      console.error = error;
    }
  }
  return performance.now() - start;
}

const on: number[] = [];
const off: number[] = [];
for (let round = 0; round <= ROUNDS; round++) {
  // Alternate which variant goes first, so neither always runs on a warmer process.
  const order = round % 2 === 0 ? [true, false] : [false, true];
  for (const checks of order) {
    const ms = synthAll(checks);
    if (round > 0) (checks ? on : off).push(ms);
    process.stderr.write(`round ${round}${round === 0 ? ' (warm-up)' : ''}: checks ${checks ? 'on ' : 'off'} ${(ms / 1000).toFixed(2)} s\n`);
  }
}
fs.rmSync(outRoot, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const overhead = (median(on) - median(off)) / median(off);
console.log(`synth of all ${STAGES.length} stages of both case studies (median of ${ROUNDS} rounds):`);
console.log(`  checks off: ${s(median(off))}  (min ${s(Math.min(...off))}, max ${s(Math.max(...off))})`);
console.log(`  checks on:  ${s(median(on))}  (min ${s(Math.min(...on))}, max ${s(Math.max(...on))})`);
console.log(`  packs + scorecards add ${(overhead * 100).toFixed(1)}% (target: under 10%)`);
