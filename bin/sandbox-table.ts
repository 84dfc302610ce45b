#!/usr/bin/env node
import { LOAD_PROFILES } from '../lib/cost/load-profile';
import { stageCost } from '../lib/cost/stage-cost';
import { deployDependencies, deployTypes, sandboxTableMarkdown } from '../lib/workshop/sandbox/sandbox-table';
import { STUDIES } from '../lib/workshop/studies';
import { StageStore } from '../lib/workshop/synth/stage-store';

process.env.JSII_DEPRECATED ??= 'quiet';

/** Prints the sandbox runbook's table (idle cost and deploy estimates per stage) from the stage cache; a test keeps the runbook identical. */
const store = new StageStore();
const stages = STUDIES.flatMap((study) =>
  study.stages.map((st) => {
    const snapshot = store.get(study, st.id, 'workshop');
    return {
      study: study.contextKey,
      stage: st.id,
      slug: st.slug,
      resourceTypes: deployTypes(snapshot.template),
      dependsOn: deployDependencies(snapshot.template),
      idleMonthlyUsd: stageCost(snapshot, LOAD_PROFILES.workshop).total,
    };
  }),
);
console.log(sandboxTableMarkdown(stages));
