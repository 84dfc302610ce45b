import catalog from './best-practices-2024-06-27.json';
import { Pillar, Risk } from './pillars';

/** One best practice of the pinned framework version. */
export interface BestPractice {
  /** As the framework writes it, e.g. `REL10-BP01`. */
  readonly id: string;
  readonly pillar: Pillar;
  /** The question it answers, e.g. `REL10`. */
  readonly question: string;
  readonly title: string;
  /** The risk exposed when it is not established. */
  readonly risk: Risk;
  /** Its page in the framework documentation of {@link FRAMEWORK_VERSION}. */
  readonly url: string;
}

/**
 * The framework version every mapping and scorecard is pinned to. Best-practice ids and titles move
 * between versions (the performance pillar was renumbered in 2023), so mixing versions would score the
 * wrong practice.
 */
export const FRAMEWORK_VERSION: string = catalog.frameworkVersion;

const BY_ID = new Map<string, BestPractice>((catalog.bestPractices as BestPractice[]).map((bp) => [bp.id, bp]));

/** Every best practice of the pinned version. */
export function allBestPractices(): readonly BestPractice[] {
  return [...BY_ID.values()];
}

/** The best practice with this id in the pinned version, or undefined. */
export function findBestPractice(id: string): BestPractice | undefined {
  return BY_ID.get(id);
}

/** The best practice with this id; throws naming the version when the id does not exist in it. */
export function bestPractice(id: string): BestPractice {
  const found = BY_ID.get(id);
  if (!found) {
    throw new Error(`Best practice '${id}' is not in the Well-Architected Framework ${FRAMEWORK_VERSION}`);
  }
  return found;
}
