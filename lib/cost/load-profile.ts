import talk from './profiles/talk.json';
import workshop from './profiles/workshop.json';

/**
 * A figure of a load profile: a value with where it comes from, or the product of other figures
 * (divided by others), so every derived number shows its derivation.
 */
export interface Figure {
  readonly value?: number;
  readonly product?: readonly string[];
  readonly divideBy?: readonly string[];
  /** Where the figure comes from: the talk's words, or an assumption and its reason. */
  readonly why: string;
}

/** Usage of one resource: each quantity a number or the name of a figure; `why` says what it stands for. */
export type ResourceUsageSpec = Readonly<Record<string, number | string>> & { readonly why?: string };

/** What one case study does under a load profile. */
export interface StudyLoad {
  readonly figures?: Readonly<Record<string, Figure>>;
  /** Usage per logical ID (logical IDs are kept across stages, so one entry serves every stage that has it). */
  readonly resources?: Readonly<Record<string, ResourceUsageSpec>>;
  /** Per stage, entries that replace `resources`' for that stage (where a stage moves traffic elsewhere). */
  readonly stages?: Readonly<Record<string, { readonly resources: Readonly<Record<string, ResourceUsageSpec>> }>>;
}

/** A load profile: how much a deployment is used in a month. */
export interface LoadProfile {
  readonly name: string;
  readonly title: string;
  /** What the profile stands for. */
  readonly about: string;
  /** Which synthesized deployment the load implies (`workshop`: cdk.json's defaults; `talk`: stages/talk-deployment.ts). */
  readonly deployment: 'workshop' | 'talk';
  readonly hoursPerMonth: number;
  readonly studies: Readonly<Record<string, StudyLoad>>;
}

/** Every load profile, by name. */
export const LOAD_PROFILES: Readonly<Record<string, LoadProfile>> = {
  workshop: workshop as LoadProfile,
  talk: talk as LoadProfile,
};

/** The names a user can pass to `--load`. */
export const LOAD_NAMES = Object.keys(LOAD_PROFILES);

/** A resource's usage resolved to numbers, with what it stands for. */
export interface ResourceUsage {
  readonly quantities: Readonly<Record<string, number>>;
  readonly why?: string;
}

/** Resolves a figure of a study's load, following products; an unknown or circular name is an error in the profile. */
export function figureValue(load: StudyLoad, name: string, seen: readonly string[] = []): number {
  const figure = load.figures?.[name];
  if (!figure) throw new Error(`Load profile names figure '${name}', which it does not define`);
  if (seen.includes(name)) throw new Error(`Load profile figure '${name}' refers to itself: ${[...seen, name].join(' -> ')}`);
  if (figure.value !== undefined) return figure.value;
  const of = (names: readonly string[] = []) => names.reduce((acc, n) => acc * figureValue(load, n, [...seen, name]), 1);
  return of(figure.product) / of(figure.divideBy);
}

/** Usage of one resource under a study's load at a stage (empty when the profile does not use it: the idle floor). */
export function resourceUsage(load: StudyLoad | undefined, logicalId: string, stage?: number): ResourceUsage {
  const spec = (stage === undefined ? undefined : load?.stages?.[String(stage)]?.resources[logicalId]) ?? load?.resources?.[logicalId];
  if (!spec) return { quantities: {} };
  const quantities: Record<string, number> = {};
  for (const [key, value] of Object.entries(spec)) {
    if (key === 'why') continue;
    quantities[key] = typeof value === 'number' ? value : figureValue(load!, value);
  }
  return { quantities, ...(spec.why ? { why: spec.why } : {}) };
}
