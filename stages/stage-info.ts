import { Pillar } from '../lib/checks/framework/pillars';

/**
 * One thing the talk says a stage did to the pillars, checkable against computed scorecards:
 * - `below`: each of `pillars` scores below each of `others` at this stage;
 * - `highest`: `pillar` scores at least as high as every other pillar at this stage;
 * - `change`: against stage `since`, `up` pillars score higher, `clearlyUp` ones at least
 *   {@link CLEARLY_UP_POINTS} higher, and `notDown` ones no lower.
 */
export type PillarClaim =
  | { readonly kind: 'below'; readonly pillars: readonly Pillar[]; readonly others: readonly Pillar[] }
  | { readonly kind: 'highest'; readonly pillar: Pillar }
  | {
      readonly kind: 'change';
      readonly since: number;
      readonly up?: readonly Pillar[];
      readonly clearlyUp?: readonly Pillar[];
      readonly notDown?: readonly Pillar[];
    };

/** How much higher a "clearly" improved pillar must score. */
export const CLEARLY_UP_POINTS = 10;

/** What the talk's framework slide says of a stage. */
export interface TalkView {
  /** The talk's own words, shortened. */
  readonly says: string;
  readonly claims: readonly PillarClaim[];
}

/** A capability a stage stops offering, said out loud: users of it must be told where it went, or that it is gone. */
export interface RetiredCapability {
  /** The capability's id as the capability check spells it (lib/evolution/capabilities), e.g. `HTTP GET /video/assets/{+}`. */
  readonly capability: string;
  /** Why it goes, and what its users do instead. */
  readonly reason: string;
}

/**
 * What a stage is, as data: importable by bin/, tests and the workshop CLI without loading any CDK
 * construct code.
 */
export interface StageInfo {
  /** 1-based position in the case study's story. */
  readonly id: number;
  /** Short machine name, e.g. `monolith`. */
  readonly slug: string;
  /** Title as a workshop slide would show it. */
  readonly title: string;
  /** The talk's reason for this stage, in a short paragraph. */
  readonly reason: string;
  /** What this stage adds over the one before. */
  readonly adds: readonly string[];
  /** What this stage retires, and what happens to its data. */
  readonly retires: readonly string[];
  /**
   * Construct IDs (top level of the stack) this stage retires. Their stateful resources leave the
   * template retained; any other stateful resource that disappears is a mistake (a renamed construct
   * starts over empty), and the data-safety check says so.
   */
  readonly retiredParts: readonly string[];
  /**
   * Capabilities (routes, APIs, ingest paths) the stage before offered and this one does not. A test
   * derives each stage's capabilities from its template and the code behind it, and fails when one
   * disappears without being named here, or when a name here no longer disappears.
   * @default - none: everything the stage before offered is still offered
   */
  readonly retiresCapabilities?: readonly RetiredCapability[];
  /**
   * What the talk says this stage did to each pillar, where it says so; a test checks every claim
   * against the scorecards computed from the synthesized stages.
   * @default - the talk gives no framework view of this stage
   */
  readonly talk?: TalkView;
}

/** One of the talk's case studies: a stack name, a context key and its stages in order. */
export interface CaseStudyInfo {
  /** Context key that picks the stage (`-c video=3`). */
  readonly contextKey: string;
  /** The one CloudFormation stack the case study deploys as. */
  readonly stackName: string;
  readonly title: string;
  readonly stages: readonly StageInfo[];
}

/** Thrown for a stage value that does not name a stage; its message is the whole story, on one line. */
export class UnknownStageError extends Error {
  constructor(study: CaseStudyInfo, value: unknown) {
    const valid = study.stages.map((s) => `${s.id} (${s.slug})`).join(', ');
    super(`Unknown ${study.contextKey} stage '${String(value)}'. Valid stages: ${valid}. Example: -c ${study.contextKey}=1`);
    this.name = 'UnknownStageError';
  }
}

/** Resolves a context value (a number from cdk.json, a string from `-c`) to one of the study's stages. */
export function selectStage(study: CaseStudyInfo, value: unknown): StageInfo {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const stage = /^[0-9]+$/.test(text) ? study.stages.find((s) => s.id === Number(text)) : undefined;
  if (!stage) {
    throw new UnknownStageError(study, value);
  }
  return stage;
}
