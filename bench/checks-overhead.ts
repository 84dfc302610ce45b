#!/usr/bin/env node
/**
 * What the Well-Architected checks cost at synth: every stage of both case studies synthesized with
 * the two packs and the scorecards on and with `checks=false`, alternating in one process so both
 * see the same warm caches. Two figures:
 *
 * - as `cdk synth` runs it: every synth bundles its Lambda and app code again, as each `cdk synth`
 *   process does (the in-process asset cache is cleared), and runs the built-in template validation;
 * - bundling cached: the same synths with bundled assets reused, which leaves the checks the largest
 *   share they can have of a synth (the worst case, e.g. for `npm run check`'s warm cache).
 *
 *   npm run bench:checks      (ROUNDS=5 cached rounds, BUNDLED_ROUNDS=2; each after a warm-up)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { AssetStaging } from 'aws-cdk-lib';
import { makeApp } from '../lib/app/make-app';
import { addPlatforms } from '../lib/app/platforms';

process.env.JSII_DEPRECATED ??= 'quiet';
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const BUNDLED_ROUNDS = Number(process.env.BUNDLED_ROUNDS ?? 2);
const STAGES = [1, 2, 3, 4, 5];
const outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-checks-'));

/** Synthesizes every stage once; `bundle` makes each synth bundle its assets as a fresh process would. */
function synthAll(checks: boolean, bundle: boolean): number {
  let total = 0;
  for (const stage of STAGES) {
    const outdir = bundle ? fs.mkdtempSync(path.join(outRoot, 'fresh-')) : path.join(outRoot, `${checks}-${stage}`);
    if (bundle) AssetStaging.clearAssetHashCache();
    const start = performance.now();
    const app = makeApp({ outdir, context: { video: stage, iot: stage, checks } });
    addPlatforms(app);
    const error = console.error;
    console.error = () => undefined; // the printed validation report is not what is measured
    try {
      app.synth();
    } finally {
      console.error = error;
    }
    total += performance.now() - start;
    if (bundle) fs.rmSync(outdir, { recursive: true, force: true });
  }
  return total;
}

interface Figures {
  readonly on: number[];
  readonly off: number[];
}

function measure(label: string, rounds: number, bundle: boolean): Figures {
  const on: number[] = [];
  const off: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    // Alternate which variant goes first, so neither always runs on a warmer process.
    const order = round % 2 === 0 ? [true, false] : [false, true];
    for (const checks of order) {
      const ms = synthAll(checks, bundle);
      if (round > 0) (checks ? on : off).push(ms);
      process.stderr.write(`${label} round ${round}${round === 0 ? ' (warm-up)' : ''}: checks ${checks ? 'on ' : 'off'} ${(ms / 1000).toFixed(2)} s\n`);
    }
  }
  return { on, off };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function print(title: string, { on, off }: Figures): void {
  const overhead = (median(on) - median(off)) / median(off);
  console.log(`${title} (median of ${on.length} rounds):`);
  console.log(`  checks off: ${s(median(off))}  (min ${s(Math.min(...off))}, max ${s(Math.max(...off))})`);
  console.log(`  checks on:  ${s(median(on))}  (min ${s(Math.min(...on))}, max ${s(Math.max(...on))})`);
  console.log(`  packs + scorecards add ${s(median(on) - median(off))} per ${STAGES.length} stages: ${(overhead * 100).toFixed(1)}%`);
}

const bundled = BUNDLED_ROUNDS > 0 ? measure('bundling', BUNDLED_ROUNDS, true) : undefined;
const cached = measure('cached', ROUNDS, false);
fs.rmSync(outRoot, { recursive: true, force: true });

console.log(`synth of all ${STAGES.length} stages of both case studies, built-in template validation on (target: checks add under 10%)`);
if (bundled) print('as `cdk synth` runs it, bundling every asset', bundled);
print('bundling cached (the checks\' largest share of a synth)', cached);
