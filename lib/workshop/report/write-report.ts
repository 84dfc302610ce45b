import * as fs from 'node:fs';
import * as path from 'node:path';
import { PILLARS } from '../../checks/framework/pillars';
import { stageCost } from '../../cost';
import { stageDiff } from '../diff/stage-diff';
import { STUDIES } from '../studies';
import { StageSnapshot } from '../synth/stage-snapshot';
import { StageStore } from '../synth/stage-store';
import { checkTalkClaims, PillarScores } from '../talk-claims';
import { renderIndexPage } from './index-page';
import { renderStagePage, stagePageName } from './stage-page';

/**
 * Writes the workshop report: index.html and one page per stage of both studies, each
 * self-contained (inline CSS and SVG, icons as data URIs). Returns the number of pages written.
 */
export async function writeReport(out: string, store: StageStore, progress: (message: string) => void): Promise<number> {
  const snapshots = new Map<string, StageSnapshot>();
  const get = (study: string, stage: number, variant: 'workshop' | 'talk') => snapshots.get(`${study}-${stage}-${variant}`)!;
  for (const study of STUDIES) {
    for (const stage of study.stages) {
      for (const variant of ['workshop', 'talk'] as const) snapshots.set(`${study.contextKey}-${stage.id}-${variant}`, store.get(study, stage.id, variant));
    }
  }
  progress('writing pages...');
  const pages = new Map<string, string>([['index.html', renderIndexPage(get)]]);
  for (const study of STUDIES) {
    const scoresOf = (stage: number): PillarScores =>
      Object.fromEntries(PILLARS.map((p) => [p, get(study.contextKey, stage, 'talk').scorecard.pillars[p].score])) as PillarScores;
    const claims = checkTalkClaims(study, scoresOf);
    for (const stage of study.stages) {
      const previous = study.stages.find((s) => s.id === stage.id - 1);
      pages.set(
        stagePageName(study.contextKey, stage.id),
        renderStagePage({
          study,
          stage,
          workshop: get(study.contextKey, stage.id, 'workshop'),
          talk: get(study.contextKey, stage.id, 'talk'),
          previousTalk: previous ? get(study.contextKey, previous.id, 'talk') : undefined,
          diff: previous ? stageDiff(study, get(study.contextKey, previous.id, 'workshop'), get(study.contextKey, stage.id, 'workshop')) : undefined,
          claims: claims.filter((c) => c.stage === stage.id),
          cost: { workshop: stageCost(get(study.contextKey, stage.id, 'workshop'), 'workshop'), talk: stageCost(get(study.contextKey, stage.id, 'talk'), 'talk') },
        }),
      );
    }
  }
  fs.mkdirSync(out, { recursive: true });
  for (const [name, html] of pages) fs.writeFileSync(path.join(out, name), html);
  return pages.size;
}
