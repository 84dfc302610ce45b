#!/usr/bin/env node
import * as path from 'node:path';
import { PROJECT_ROOT } from '../lib/app/make-app';
import { formatSummaries, synthStages } from '../lib/workshop/synth-stages';
import { STUDIES } from '../lib/workshop/studies';
import { TALK_SCALE } from '../lib/app/context-table';
import { IOT_PLATFORM } from '../stages/iot/registry';

// aws-cdk-lib's own scaleOnMetric passes a deprecated prop and would warn on every synth.
process.env.JSII_DEPRECATED ??= 'quiet';

/**
 * The main job: synthesize every stage offline with the checks on, then print what they found.
 * Assemblies land in cdk.out/stages/<study>-<stage> for offline diffs; a stage whose inputs did not
 * change since the last run is reused (see lib/workshop/synth/deployable-stages.ts). All in one
 * process: two processes in parallel (one per study) measured slower on this 2-core machine, each
 * paying for its own module loading and template-validation engine.
 */
const outRoot = path.join(PROJECT_ROOT, 'cdk.out', 'stages');
const started = Date.now();
// The talk's forklift is one documented value away (-c oracleStorageGiB=65536); the checks see it too.
const talkScale = TALK_SCALE.stages.map((stage) => ({ study: IOT_PLATFORM, stage, variant: { name: TALK_SCALE.name, context: TALK_SCALE.context } }));
const summaries = synthStages(STUDIES, outRoot, { onProgress: (message) => process.stderr.write(`${message}\n`) }, talkScale);
process.stderr.write(`${summaries.length} stages in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
console.log(`\n${formatSummaries(summaries)}\n`);
console.log(`Assemblies: ${path.relative(process.cwd(), outRoot)}/<study>-<stage>. Compare two stages offline:`);
console.log('  npx wa-stages diff video 1 2');
console.log('  npx cdk diff --app cdk.out/stages/video-2 --template cdk.out/stages/video-1/VideoPlatform.template.json VideoPlatform');
console.log('Both numbers are 0-100 per Well-Architected pillar (docs/scorecard.md). "open" findings are neither fixed');
console.log('nor acknowledged, "accepted" ones are acknowledged with a reason, "undecided" ones a rule could not decide.');
console.log('Per-stage detail: cdk.out/stages/<study>-<stage>/<Stack>.scorecard.json');
const open = summaries.reduce((n, s) => n + (s.open.AwsSolutions ?? 0), 0);
if (open > 0) {
  console.error(`${open} AWS Solutions finding(s) are neither fixed nor acknowledged; see the warnings above.`);
  process.exitCode = 1;
}
