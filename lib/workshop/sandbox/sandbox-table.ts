import { dollars } from '../../cost/format-cost';
import { BASE_MINUTES, SLOW_RESOURCES, SlowResource } from './slow-resources';

/** What the table needs of one synthesized stage: its name and its resources' types by logical ID. */
export interface SandboxStage {
  readonly study: string;
  readonly stage: number;
  readonly slug: string;
  /** Each resource's type, with a cluster's member instances told apart (see {@link deployTypes}). */
  readonly resourceTypes: Readonly<Record<string, string>>;
  /** Its monthly bill deployed and idle (`wa-stages cost`, workshop load). */
  readonly idleMonthlyUsd: number;
}

/**
 * Each resource's CloudFormation type by logical ID, except that an Aurora or DocumentDB member
 * instance becomes `...DBInstance (cluster member)`: it is created with its cluster, which sets the
 * time, while a single-instance database (RDS for Oracle) is slow on its own.
 */
export function deployTypes(template: { Resources?: Record<string, { Type: string; Properties?: Record<string, unknown> }> }): Record<string, string> {
  return Object.fromEntries(
    Object.entries(template.Resources ?? {}).map(([id, r]) => [id, r.Properties?.DBClusterIdentifier !== undefined ? `${r.Type} (cluster member)` : r.Type]),
  );
}

/** An hourly amount; below a cent it would print as $0.00, which is not free. */
function hourly(usd: number): string {
  return usd < 0.01 ? '<$0.01' : dollars(usd);
}

/** Hours in a billing month, as the cost model counts them. */
const HOURS_A_MONTH = 730;

/** The slow parts among some logical IDs of a template. */
function slowParts(ids: readonly string[], types: Readonly<Record<string, string>>): SlowResource[] {
  return SLOW_RESOURCES.filter((slow) => ids.some((id) => slow.types.includes(types[id])));
}

/** `~10-20 min`: the base plus the slowest part, since CloudFormation works on independent resources in parallel. */
function minutes(parts: readonly { range: readonly [number, number] }[]): string {
  const low = BASE_MINUTES[0] + Math.max(0, ...parts.map((p) => p.range[0]));
  const high = BASE_MINUTES[1] + Math.max(0, ...parts.map((p) => p.range[1]));
  return `~${low}-${high} min`;
}

/**
 * The sandbox runbook's table: per stage, what it bills an hour deployed and idle, and how long a
 * fresh deploy and a step from the previous stage take, estimated from the slow resources created
 * (and, for a step, removed). A test keeps docs/workshop/sandbox-runbook.md identical to it.
 */
export function sandboxTableMarkdown(stages: readonly SandboxStage[]): string {
  const rows = stages.map((s) => {
    const previous = stages.find((p) => p.study === s.study && p.stage === s.stage - 1);
    const ids = Object.keys(s.resourceTypes);
    const created = previous ? ids.filter((id) => previous.resourceTypes[id] === undefined) : ids;
    const removed = previous ? Object.keys(previous.resourceTypes).filter((id) => s.resourceTypes[id] === undefined) : [];
    const adds = slowParts(created, s.resourceTypes);
    const drops = slowParts(removed, previous?.resourceTypes ?? {});
    const fresh = minutes(slowParts(ids, s.resourceTypes).map((p) => ({ range: p.createMinutes })));
    const step = previous
      ? `${minutes([...adds.map((p) => ({ range: p.createMinutes })), ...drops.map((p) => ({ range: p.deleteMinutes }))])}: ${
          [...adds.map((p) => `+ ${p.label}`), ...drops.map((p) => `- ${p.label}`)].join(', ') || 'no slow resource'
        }`
      : '-';
    return `| ${s.study} ${s.stage} ${s.slug} | ${hourly(s.idleMonthlyUsd / HOURS_A_MONTH)} | ${dollars(s.idleMonthlyUsd)} | ${fresh} | ${step} |`;
  });
  const sources = SLOW_RESOURCES.map(
    (slow) => `- ${slow.label} (\`${slow.types.join('`, `')}\`): ${slow.createMinutes.join('-')} min to create, ${slow.deleteMinutes.join('-')} min to remove; ${slow.source}.`,
  );
  return [
    '| stage | idle $/hour | idle $/month | fresh deploy (estimate) | step from the previous stage (estimate): slow parts added (+) and removed (-) |',
    '|---|---:|---:|---|---|',
    ...rows,
    '',
    `Each estimate is ${BASE_MINUTES.join('-')} minutes for the rest of the stack plus the slowest part, since CloudFormation works on independent resources in parallel:`,
    '',
    ...sources,
  ].join('\n');
}
