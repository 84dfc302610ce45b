#!/usr/bin/env node
import { sandboxStages, sandboxTableMarkdown } from '../lib/workshop/sandbox/sandbox-table';
import { STUDIES } from '../lib/workshop/studies';
import { StageStore } from '../lib/workshop/synth/stage-store';

process.env.JSII_DEPRECATED ??= 'quiet';

/** Prints the sandbox runbook's table (idle cost and deploy estimates per stage) from the stage cache; a test keeps the runbook identical. */
const store = new StageStore();
const stages = sandboxStages(STUDIES, (study, stage) => store.get(STUDIES.find((s) => s.contextKey === study.contextKey)!, stage, 'workshop'));
console.log(sandboxTableMarkdown(stages));
