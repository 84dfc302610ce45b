import { CaseStudyInfo } from '../../stages/stage-info';
import { CfnTemplate, StageChange } from './data-safety';

/** Every ordered pair of distinct stages, forward and backward: a deployed stack may be moved to any stage. */
export function orderedPairs(study: CaseStudyInfo): Array<[number, number]> {
  const ids = study.stages.map((s) => s.id);
  return ids.flatMap((from) => ids.filter((to) => to !== from).map((to): [number, number] => [from, to]));
}

/** Top-level construct IDs of a template's resources, read from their `aws:cdk:path` metadata. */
export function partsOf(template: CfnTemplate): Set<string> {
  const parts = new Set<string>();
  for (const resource of Object.values(template.Resources ?? {})) {
    const path = resource.Metadata?.['aws:cdk:path'];
    if (typeof path === 'string') parts.add(path.split('/')[1]);
  }
  return parts;
}

/**
 * What moving a stack from one stage to another may retire. Forward, that is what the stages passed
 * announce in their registry entries. Backward, it is whatever the earlier stage has no part of at all:
 * a part that still exists there but lost a stateful resource has moved or been renamed, which starts
 * the data over empty, and stays an error.
 */
export function stageChange(study: CaseStudyInfo, from: number, to: number, templates: { from: CfnTemplate; to: CfnTemplate }): StageChange {
  if (to > from) {
    return { retiredParts: study.stages.filter((s) => s.id > from && s.id <= to).flatMap((s) => s.retiredParts) };
  }
  const remaining = partsOf(templates.to);
  return { retiredParts: [...partsOf(templates.from)].filter((part) => !remaining.has(part)) };
}
