import { CaseStudyInfo, StageInfo } from '../../stages/stage-info';
import { IOT_PLATFORM } from '../../stages/iot/registry';
import { VIDEO_PLATFORM } from '../../stages/video/registry';
import { UsageError } from './usage-error';

/** The talk's two case studies, in the order the talk tells them. */
export const STUDIES: readonly CaseStudyInfo[] = [VIDEO_PLATFORM, IOT_PLATFORM];

/** A study's name on the command line is its context key (`video`, `iot`). */
export function studyNames(): string[] {
  return STUDIES.map((s) => s.contextKey);
}

/** The study a command-line word names; a usage error naming the valid studies otherwise. */
export function resolveStudy(name: string | undefined): CaseStudyInfo {
  const study = STUDIES.find((s) => s.contextKey === name);
  if (!study) {
    throw new UsageError(`Unknown study '${name ?? ''}'. Valid studies: ${studyNames().join(', ')}.`);
  }
  return study;
}

/** The stage a command-line word names in a study; a usage error naming the valid stages otherwise. */
export function resolveStage(study: CaseStudyInfo, value: string | undefined): StageInfo {
  const stage = value !== undefined && /^[0-9]+$/.test(value) ? study.stages.find((s) => s.id === Number(value)) : undefined;
  if (!stage) {
    const valid = study.stages.map((s) => `${s.id} (${s.slug})`).join(', ');
    throw new UsageError(`Unknown ${study.contextKey} stage '${value ?? ''}'. Valid stages: ${valid}.`);
  }
  return stage;
}

/** The stage before `stage` in its study, if any. */
export function previousStage(study: CaseStudyInfo, stage: StageInfo): StageInfo | undefined {
  return study.stages.find((s) => s.id === stage.id - 1);
}
