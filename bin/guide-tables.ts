#!/usr/bin/env node
import { PILLARS } from '../lib/checks/framework/pillars';
import { STUDIES } from '../lib/workshop/studies';
import { StageStore } from '../lib/workshop/synth/stage-store';
import { PillarScores } from '../lib/workshop/talk-claims';
import { talkClaimsTableMarkdown } from '../lib/workshop/talk-claims-table';

process.env.JSII_DEPRECATED ??= 'quiet';

/** Prints the facilitator guide's table of the talk's claims under both deployments, from the stage cache; a test keeps the guide identical. */
const store = new StageStore();
console.log(
  talkClaimsTableMarkdown(STUDIES, (study, stage, deployment) => {
    const card = store.get(study, stage, deployment).scorecard;
    return Object.fromEntries(PILLARS.map((p) => [p, card.pillars[p].score])) as PillarScores;
  }),
);
