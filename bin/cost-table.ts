#!/usr/bin/env node
import { costTableMarkdown, costTableRows } from '../lib/cost/cost-table';
import { STUDIES } from '../lib/workshop/studies';
import { StageStore } from '../lib/workshop/synth/stage-store';

process.env.JSII_DEPRECATED ??= 'quiet';

/** Prints the README's cost table (both loads, every stage) from the stage cache; a test keeps the README identical. */
const store = new StageStore();
console.log(costTableMarkdown(costTableRows(STUDIES, (study, stage, deployment) => store.get(STUDIES.find((s) => s.contextKey === study.contextKey)!, stage, deployment))));
