import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CaseStudyInfo } from '../../../stages/stage-info';
import type { StageSnapshot } from '../synth/stage-snapshot';
import type { StageStore } from '../synth/stage-store';
import type { StageDiff } from './stage-diff';

/** Bumped when StageDiff's shape changes, so an old cached diff is never read as a new one. */
const DIFF_FORMAT = 1;

/**
 * The diff of two snapshots, cached beside them: CloudFormation's diff engine loads the whole service
 * specification (about a second), which a warm `wa-stages diff` should not pay again. The key hashes
 * both snapshots and every source file (the diff code among them), so any change computes it anew.
 */
export function cachedStageDiff(store: StageStore, study: CaseStudyInfo, before: StageSnapshot, after: StageSnapshot): StageDiff {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const compute = () => (require('./stage-diff') as typeof import('./stage-diff')).stageDiff(study, before, after);
  if (!store.caching) return compute();
  const key = createHash('sha256').update(`${DIFF_FORMAT}\0${store.sourcesKey()}\0`).update(JSON.stringify(before)).update('\0').update(JSON.stringify(after)).digest('hex').slice(0, 32);
  const file = path.join(store.cacheDir, `diff-${study.contextKey}-${before.stage}-${after.stage}-${before.variant}.json`);
  try {
    const cached = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (cached.key === key) return cached.diff as StageDiff;
  } catch {
    // No cached diff yet, or a torn one: compute it.
  }
  const diff = compute();
  fs.mkdirSync(store.cacheDir, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify({ key, diff }));
  fs.renameSync(temp, file);
  return diff;
}
