import { TableStudy } from '../../cost/cost-table';
import { dollars } from '../../cost/format-cost';
import { LOAD_PROFILES } from '../../cost/load-profile';
import { PricedStage, stageCost } from '../../cost/stage-cost';
import { BASE_MINUTES, SLOW_RESOURCES, SlowResource } from './slow-resources';

/** A template as the table reads it. */
interface Template {
  readonly Resources?: Record<string, { Type: string; Properties?: Record<string, unknown>; DependsOn?: string | string[] }>;
}

/** What the table needs of one synthesized stage: its name, its resources and its bill. */
export interface SandboxStage {
  readonly study: string;
  readonly stage: number;
  readonly slug: string;
  /** Each resource's type, with a cluster's member instances told apart (see {@link deployTypes}). */
  readonly resourceTypes: Readonly<Record<string, string>>;
  /** The logical IDs each resource waits for (`Ref`, `Fn::GetAtt`, `DependsOn`). */
  readonly dependsOn: Readonly<Record<string, readonly string[]>>;
  /** Its monthly bill deployed and idle (`wa-stages cost`, workshop load). */
  readonly idleMonthlyUsd: number;
}

/**
 * Every stage's row, from its workshop synth (`synthesized` reads the stage cache, so the script and
 * the test that keeps the runbook identical build the same rows).
 */
export function sandboxStages(
  studies: readonly TableStudy[],
  synthesized: (study: TableStudy, stage: number) => PricedStage & { readonly template: Template },
): SandboxStage[] {
  return studies.flatMap((study) =>
    study.stages.map((st) => {
      const snapshot = synthesized(study, st.id);
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
}

/**
 * Each resource's CloudFormation type by logical ID, except that an Aurora or DocumentDB member
 * instance becomes `...DBInstance (cluster member)`: it is created with its cluster, which sets the
 * time, while a single-instance database (RDS for Oracle) is slow on its own.
 */
export function deployTypes(template: Template): Record<string, string> {
  return Object.fromEntries(
    Object.entries(template.Resources ?? {}).map(([id, r]) => [id, r.Properties?.DBClusterIdentifier !== undefined ? `${r.Type} (cluster member)` : r.Type]),
  );
}

/** The logical IDs each resource of a template refers to or names in `DependsOn`: what CloudFormation creates first. */
export function deployDependencies(template: Template): Record<string, string[]> {
  const resources = template.Resources ?? {};
  const found = (value: unknown, into: Set<string>): Set<string> => {
    if (Array.isArray(value)) value.forEach((v) => found(v, into));
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'Ref' && typeof inner === 'string') into.add(inner);
        else if (key === 'Fn::GetAtt') into.add(Array.isArray(inner) ? String(inner[0]) : String(inner).split('.')[0]);
        else found(inner, into);
      }
    }
    return into;
  };
  return Object.fromEntries(
    Object.entries(resources).map(([id, r]) => {
      const ids = found(r.Properties ?? {}, new Set([r.DependsOn ?? []].flat()));
      return [id, [...ids].filter((dep) => dep !== id && resources[dep] !== undefined)];
    }),
  );
}

/** An hourly amount; below a cent it would print as $0.00, which is not free. */
function hourly(usd: number): string {
  return usd < 0.01 ? '<$0.01' : dollars(usd);
}

/** Hours in a billing month, as the cost model counts them. */
const HOURS_A_MONTH = 730;

type Range = readonly [number, number];

/**
 * How long creating `created` takes: the longest chain of slow parts among them, where a part waits
 * for another when one of its resources depends (through any resources) on one of the other's.
 * Independent parts are created in parallel.
 */
function creationChain(created: ReadonlySet<string>, stage: SandboxStage): { range: Range; parts: SlowResource[] } {
  const partOf = (id: string) => SLOW_RESOURCES.find((slow) => slow.types.includes(stage.resourceTypes[id]));
  const parts = SLOW_RESOURCES.filter((slow) => [...created].some((id) => partOf(id) === slow));
  const ancestors = new Map<string, Set<string>>();
  const upstream = (id: string): Set<string> => {
    if (!ancestors.has(id)) {
      ancestors.set(id, new Set());
      const all = new Set<string>();
      for (const dep of stage.dependsOn[id] ?? []) {
        all.add(dep);
        upstream(dep).forEach((a) => all.add(a));
      }
      ancestors.set(id, all);
    }
    return ancestors.get(id)!;
  };
  const waitsFor = (part: SlowResource, other: SlowResource) =>
    [...created].some((id) => partOf(id) === part && [...upstream(id)].some((a) => created.has(a) && partOf(a) === other));
  const finish = new Map<SlowResource, Range>();
  const finishOf = (part: SlowResource, visiting = new Set<SlowResource>()): Range => {
    if (finish.has(part)) return finish.get(part)!;
    visiting.add(part);
    const before = parts.filter((other) => other !== part && !visiting.has(other) && waitsFor(part, other)).map((other) => finishOf(other, visiting));
    const start: Range = [Math.max(0, ...before.map((r) => r[0])), Math.max(0, ...before.map((r) => r[1]))];
    const range: Range = [start[0] + part.createMinutes[0], start[1] + part.createMinutes[1]];
    finish.set(part, range);
    return range;
  };
  const ends = parts.map((p) => finishOf(p));
  return { range: [Math.max(0, ...ends.map((r) => r[0])), Math.max(0, ...ends.map((r) => r[1]))], parts };
}

const span = (low: number, high: number) => `~${low}-${high} min`;

/**
 * The sandbox runbook's table: per stage, what it bills an hour deployed and idle, and how long a
 * fresh deploy and a step from the previous stage take, estimated from the slow resources it creates
 * (in dependency order: a fleet whose app needs the database starts after it) and, for a step, the
 * ones it removes (CloudFormation removes them last, once everything new is in place). A test keeps
 * docs/workshop/sandbox-runbook.md identical to it.
 */
export function sandboxTableMarkdown(stages: readonly SandboxStage[]): string {
  const rows = stages.map((s) => {
    const previous = stages.find((p) => p.study === s.study && p.stage === s.stage - 1);
    const ids = Object.keys(s.resourceTypes);
    const fresh = creationChain(new Set(ids), s).range;
    let step = '-';
    if (previous) {
      const created = creationChain(new Set(ids.filter((id) => previous.resourceTypes[id] === undefined)), s);
      const removed = Object.keys(previous.resourceTypes).filter((id) => s.resourceTypes[id] === undefined);
      const drops = SLOW_RESOURCES.filter((slow) => removed.some((id) => slow.types.includes(previous.resourceTypes[id])));
      const low = BASE_MINUTES[0] + created.range[0] + Math.max(0, ...drops.map((d) => d.deleteMinutes[0]));
      const high = BASE_MINUTES[1] + created.range[1] + Math.max(0, ...drops.map((d) => d.deleteMinutes[1]));
      const what = [...created.parts.map((p) => `+ ${p.label}`), ...drops.map((p) => `- ${p.label}`)].join(', ') || 'no slow resource';
      step = `${span(low, high)}: ${what}`;
    }
    return `| ${s.study} ${s.stage} ${s.slug} | ${hourly(s.idleMonthlyUsd / HOURS_A_MONTH)} | ${dollars(s.idleMonthlyUsd)} | ${span(BASE_MINUTES[0] + fresh[0], BASE_MINUTES[1] + fresh[1])} | ${step} |`;
  });
  const sources = SLOW_RESOURCES.map(
    (slow) => `- ${slow.label} (\`${slow.types.join('`, `')}\`): ${slow.createMinutes.join('-')} min to create, ${slow.deleteMinutes.join('-')} min to remove; ${slow.source}.`,
  );
  return [
    '| stage | idle $/hour | idle $/month | fresh deploy (estimate) | step from the previous stage (estimate): slow parts added (+) and removed (-) |',
    '|---|---:|---:|---|---|',
    ...rows,
    '',
    `Each estimate is ${BASE_MINUTES.join('-')} minutes for the rest of the stack, plus the slow parts it creates, one after another where one depends on another (a fleet whose app reads the database's secret waits for the database) and side by side otherwise, plus, for a step, the slowest part it removes: CloudFormation removes resources last, once everything new is in place.`,
    '',
    ...sources,
  ].join('\n');
}
