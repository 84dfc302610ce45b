import classification from './bp-classification.json';
import { allBestPractices, BestPractice, FRAMEWORK_VERSION } from './best-practices';

/**
 * What a CloudFormation template can show about a best practice:
 * `template` whether it is met; `partial` the part named in {@link PracticeClassification.part};
 * `review` nothing, only a review of people and process can tell.
 */
export type TemplateVisibility = 'template' | 'partial' | 'review';

/** The hand-reviewed verdict on one best practice of the pinned framework. */
export interface PracticeClassification {
  /** Best-practice id in the pinned framework version. */
  readonly id: string;
  readonly class: TemplateVisibility;
  /** One line on why: what the template holds, or where the practice lives instead. */
  readonly reason: string;
  /** For `partial`: the part a template shows (and a rule could check). */
  readonly part?: string;
}

interface ClassificationFile {
  readonly frameworkVersion: string;
  readonly practices: readonly PracticeClassification[];
}

const FILE = classification as ClassificationFile;
if (FILE.frameworkVersion !== FRAMEWORK_VERSION) {
  throw new Error(`bp-classification.json is for framework ${FILE.frameworkVersion}, the catalog is ${FRAMEWORK_VERSION}`);
}

const BY_ID = new Map<string, PracticeClassification>(FILE.practices.map((c) => [c.id, c]));

/** Every classification row, in the framework's order. */
export function allClassifications(): readonly PracticeClassification[] {
  return FILE.practices;
}

/** The classification of a best practice; throws when it was never classified. */
export function classificationOf(id: string): PracticeClassification {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`Best practice '${id}' has no template-visibility classification`);
  return found;
}

/** The best practices a review of people and process must answer, because no template can. */
export function reviewOnlyPractices(): readonly BestPractice[] {
  return allBestPractices().filter((bp) => classificationOf(bp.id).class === 'review');
}
