#!/usr/bin/env node
import { performance } from 'node:perf_hooks';
import { STUDIES } from '../lib/workshop/studies';
import { StageStore } from '../lib/workshop/synth/stage-store';

process.env.JSII_DEPRECATED ??= 'quiet';

/**
 * What pricing adds to a cached stage (issue 16, R6: under 100 ms). Every stage of both studies,
 * under both loads: the time to read the cached stage (what every workshop command pays), the first
 * pricing of it in this process (cold: JIT, price-book index) and the median of later ones.
 */
const ROUNDS = 21;
// Loading the model (pricers, price book, profiles) is part of what pricing adds to a command.
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
const l0 = performance.now();
const c0 = process.cpuUsage();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LOAD_PROFILES } = require('../lib/cost/load-profile') as typeof import('../lib/cost/load-profile');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { stageCost } = require('../lib/cost/stage-cost') as typeof import('../lib/cost/stage-cost');
const loadMs = performance.now() - l0;
const loadCpuMs = cpuMs(c0);
const store = new StageStore();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows: string[][] = [['stage', 'load', 'cached read ms', 'first pricing ms', 'median pricing ms', 'max pricing ms']];
let worst = 0;
const firstCpuMs: number[] = [];
for (const profile of Object.values(LOAD_PROFILES)) {
  for (const study of STUDIES) {
    for (const st of study.stages) {
      store.get(study, st.id, profile.deployment); // synthesize into the cache if missing; not timed
      const r0 = performance.now();
      const snapshot = store.get(study, st.id, profile.deployment);
      const read = performance.now() - r0;
      const times: number[] = [];
      const firstCpu = process.cpuUsage();
      for (let i = 0; i < ROUNDS; i++) {
        if (i === 1) firstCpuMs.push(cpuMs(firstCpu));
        const t0 = performance.now();
        stageCost(snapshot, profile);
        times.push(performance.now() - t0);
      }
      worst = Math.max(worst, times[0]);
      rows.push([`${study.contextKey} ${st.id}`, profile.name, read.toFixed(1), times[0].toFixed(2), median(times.slice(1)).toFixed(2), Math.max(...times.slice(1)).toFixed(2)]);
    }
  }
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log(rows.map((r) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n'));
console.log(`\nCPU time (less sensitive to other processes on the machine): loading ${loadCpuMs.toFixed(1)} ms, slowest first pricing ${Math.max(...firstCpuMs).toFixed(1)} ms.`);
console.log(`Wall clock: loading the cost model: ${loadMs.toFixed(1)} ms, once per process. Slowest first pricing of a stage: ${worst.toFixed(1)} ms. Together ${(loadMs + worst).toFixed(1)} ms (budget 100 ms). ${process.platform} ${process.arch}, Node ${process.version}.`);
