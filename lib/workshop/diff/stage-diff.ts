import { fullDiff, ResourceDifference, ResourceImpact } from '@aws-cdk/cloudformation-diff';
import { CaseStudyInfo, StageInfo } from '../../../stages/stage-info';
import { StageSnapshot, TemplateResource } from '../synth/stage-snapshot';
import { DataChange, DataFate, explainFate, fateUnder, holdsData } from '../../evolution/data-fate';
import { CostDelta, costDelta, stageCost } from '../../cost';
import { isTagKey, noiseKind } from './noise';
import { ScoreChange, scoreChange } from './score-change';
import { readableNames } from './readable-names';
import { isNetworkType, serviceOf, shortPath } from './services';
import { DeploymentVariant } from '../synth/stage-snapshot';

/** What a step does to one resource. */
export type ChangeKind = 'added' | 'removed' | 'replaced' | 'changed';

/** One resource the step adds, removes, replaces or changes (noise folded away). */
export interface ResourceChange {
  readonly logicalId: string;
  readonly type: string;
  /** Construct path without the stack and CDK's `Resource` leaf, e.g. `ChatDatabase/Cluster`. */
  readonly path: string;
  readonly change: ChangeKind;
  /** For removals: kept in the account as it is (DeletionPolicy Retain). */
  readonly retained?: boolean;
  /** For removals of resources that hold data: where the data goes. */
  readonly fate?: DataFate;
  /** For changes and replacements: the properties and attributes that really change. */
  readonly properties?: readonly string[];
  /** For replacements: the properties whose change forces CloudFormation to replace the resource. */
  readonly replacementCauses?: readonly string[];
}

/** The changes of one service. */
export interface ServiceChanges {
  readonly service: string;
  readonly added: readonly ResourceChange[];
  readonly removed: readonly ResourceChange[];
  readonly replaced: readonly ResourceChange[];
  readonly changed: readonly ResourceChange[];
}

/** An IAM statement or managed-policy attachment the step adds or removes, as `cdk diff` tabulates it. */
export interface IamChange {
  readonly change: 'added' | 'removed';
  readonly kind: 'statement' | 'managedPolicy';
  /** The role, policy or resource the permission is attached to. */
  readonly resource: string;
  readonly effect?: string;
  readonly actions?: readonly string[];
  readonly principal?: string;
  readonly condition?: string;
  readonly managedPolicyArn?: string;
}

/** A security-group rule the step adds or removes. */
export interface SecurityGroupRuleChange {
  readonly change: 'added' | 'removed';
  readonly group: string;
  readonly direction: 'ingress' | 'egress';
  readonly protocol: string;
  readonly peer: string;
}

/** What happens to the data of one resource that holds data and that the step removes, replaces or brings back. */
export interface DataSafetyItem {
  readonly logicalId: string;
  readonly type: string;
  readonly path: string;
  /** `recreated`: a backward step brings back a store that the forward path retired; it starts empty. */
  readonly change: DataChange;
  readonly fate: DataFate;
  /**
   * The policy that decides the fate: DeletionPolicy for removals, UpdateReplacePolicy for
   * replacements, and for re-created stores the DeletionPolicy under which they were retired.
   */
  readonly policy: string;
  readonly explanation: string;
  /** Forward steps: whether a stage of the step announces the part as retired (StageInfo.retiredParts). */
  readonly announced?: boolean;
}

/**
 * What the step does to permissions, counted from the IAM statements it adds and removes (a statement
 * both removed and added, as when only an asset hash in it changes, counts as neither): grants added
 * and denials removed broaden; grants removed and denials added narrow. A step can do both.
 */
export interface IamSummary {
  readonly broadened: boolean;
  readonly narrowed: boolean;
  /** Allow statements and managed-policy attachments added. */
  readonly grantsAdded: number;
  /** Of the grants added, those to a role or user the step does not add itself: existing identities gaining permissions. */
  readonly grantsToExistingPrincipals: number;
  readonly grantsRemoved: number;
  readonly denialsAdded: number;
  readonly denialsRemoved: number;
}

/** The data-safety verdict of a step. */
export interface DataSafety {
  /**
   * `unchanged`: no data store leaves, is replaced or comes back; `retained`: every one that leaves
   * keeps its data; `comes-back-empty`: nothing is deleted, but a store the step brings back starts
   * empty while its data stays outside the stack; `data-loss`: some data is deleted.
   */
  readonly verdict: 'unchanged' | 'retained' | 'comes-back-empty' | 'data-loss';
  readonly items: readonly DataSafetyItem[];
}

/** The verdict in words, the same in the terminal and the report. */
export const DATA_VERDICT_WORDS: Record<DataSafety['verdict'], string> = {
  unchanged: 'no stateful resource leaves the stack, is replaced or comes back',
  retained: 'every stateful resource that leaves keeps its data',
  'comes-back-empty': 'no data is deleted, but a data store comes back new and empty',
  'data-loss': 'DATA LOSS: some data would be deleted',
};

/** How a removed resource's entry in a resource list names what happens to it. */
export function removalNote(change: ResourceChange): string | undefined {
  if (change.fate === 'snapshot') return 'final snapshot';
  if (change.retained) return 'retained';
  return undefined;
}

/** One stage's part of the story of a step. */
export interface StoryStage {
  readonly stage: number;
  readonly slug: string;
  readonly title: string;
  readonly reason: string;
  readonly adds: readonly string[];
  readonly retires: readonly string[];
}

/** Everything `wa-stages diff` reports about moving a stack from one stage to another. */
export interface StageDiff {
  readonly study: string;
  /** The deployment both stages are synthesized under, and any context given with `-c`. */
  readonly deployment: { readonly variant: DeploymentVariant; readonly context?: Readonly<Record<string, string>> };
  readonly stackName: string;
  readonly from: { readonly stage: number; readonly slug: string; readonly title: string };
  readonly to: { readonly stage: number; readonly slug: string; readonly title: string };
  /** `forward` applies the stages in between; `backward` undoes them. */
  readonly direction: 'forward' | 'backward';
  /** The stages the step applies (forward) or undoes (backward), in the order they happen. */
  readonly story: readonly StoryStage[];
  readonly summary: {
    readonly added: number;
    readonly removed: number;
    readonly replaced: number;
    readonly changed: number;
    /** Resources whose only change is noise: tags, or asset hashes of rebuilt bundles. */
    readonly noiseOnly: number;
  };
  readonly services: readonly ServiceChanges[];
  readonly iam: IamSummary & { readonly changes: readonly IamChange[] };
  readonly network: { readonly securityGroupRules: readonly SecurityGroupRuleChange[]; readonly resources: readonly ResourceChange[] };
  readonly outputs: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly scorecard: ScoreChange;
  /**
   * The monthly bill in USD before and after, and what moves it, under the load that matches the
   * snapshots' deployment (the workshop load, a deploy nobody uses, for `diff`): docs/cost.md.
   */
  readonly cost: CostDelta;
  readonly dataSafety: DataSafety;
}

const stageRef = (stage: StageInfo) => ({ stage: stage.id, slug: stage.slug, title: stage.title });

function storyOf(study: CaseStudyInfo, from: number, to: number): StoryStage[] {
  const [low, high] = from < to ? [from, to] : [to, from];
  const stages = study.stages.filter((s) => s.id > low && s.id <= high);
  const ordered = from < to ? stages : [...stages].reverse();
  return ordered.map((s) => ({ stage: s.id, slug: s.slug, title: s.title, reason: s.reason, adds: s.adds, retires: s.retires }));
}

/** The properties and attributes of an update that really change, and whether all its differences are noise. */
function realChanges(change: ResourceDifference): { properties: string[]; noiseOnly: boolean } {
  const properties: string[] = [];
  let any = false;
  change.forEachDifference((kind, name, difference) => {
    if (!difference.isDifferent) return;
    any = true;
    if (!isTagKey(name) && noiseKind(difference.oldValue, difference.newValue) === undefined) properties.push(kind === 'Property' ? name : `(${name})`);
  });
  return { properties, noiseOnly: any && properties.length === 0 };
}

function replacementCauses(change: ResourceDifference): string[] {
  return Object.entries(change.propertyUpdates)
    .filter(([, p]) => p.changeImpact === ResourceImpact.WILL_REPLACE || p.changeImpact === ResourceImpact.MAY_REPLACE)
    .map(([name]) => name);
}

/** Rows of a `cdk diff` table as objects, by its header. */
function rows(table: string[][]): Array<Record<string, string>> {
  const [header, ...body] = table;
  return body.map((row) => Object.fromEntries(header.map((h, i) => [h === '' ? 'sign' : h, row[i] ?? ''])));
}

/**
 * The step from one synthesized stage to another of the same study, forward or backward: resources
 * by service with noise folded away, IAM and network changes, the scorecard change, and what happens
 * to the data of every stateful resource the step removes or replaces.
 */
export function stageDiff(study: CaseStudyInfo, before: StageSnapshot, after: StageSnapshot): StageDiff {
  const fromInfo = study.stages.find((s) => s.id === before.stage)!;
  const toInfo = study.stages.find((s) => s.id === after.stage)!;
  const diff = fullDiff(before.template as never, after.template as never);
  // Construct paths, never logical IDs or other CDK internals, in every name the diff shows.
  const refs = readableNames(study.stackName, after.resources, before.resources);
  const pathOf = (id: string) => {
    const resource = after.resources[id] ?? before.resources[id];
    return refs(resource ? shortPath(resource.path, study.stackName) : id);
  };
  // The same stage on both sides (the working copy against the commit) reads as a step forward: the edit.
  const forward = after.stage >= before.stage;
  const retiredParts = new Set(forward ? study.stages.filter((s) => s.id > before.stage && s.id <= after.stage).flatMap((s) => s.retiredParts) : []);

  const changes: ResourceChange[] = [];
  const dataItems: DataSafetyItem[] = [];
  let noiseOnly = 0;
  diff.resources.forEachDifference((logicalId, change) => {
    const type = (change.newResourceType ?? change.oldResourceType)!;
    const base = { logicalId, type, path: pathOf(logicalId) };
    const old = change.oldValue as TemplateResource | undefined;
    if (change.isAddition) {
      changes.push({ ...base, change: 'added' });
      const added = change.newValue as TemplateResource | undefined;
      // Undoing a stage brings back a store the forward path retired: CloudFormation creates it anew.
      if (!forward && added && holdsData(added)) {
        const policy = `DeletionPolicy ${added.DeletionPolicy ?? 'Delete'}`;
        dataItems.push({ ...base, change: 'recreated', fate: 'empty', policy, explanation: explainFate('recreated', 'empty', added.DeletionPolicy) });
      }
    } else if (change.isRemoval) {
      const fate = fateUnder(old?.DeletionPolicy);
      const stores = old !== undefined && holdsData(old);
      changes.push({ ...base, change: 'removed', retained: fate === 'retained', ...(stores ? { fate } : {}) });
      if (stores) {
        const part = before.resources[logicalId]?.path.split('/')[1];
        dataItems.push({
          ...base,
          change: 'removed',
          fate,
          policy: `DeletionPolicy ${old?.DeletionPolicy ?? 'Delete'}`,
          explanation: explainFate('removed', fate),
          ...(forward ? { announced: part !== undefined && retiredParts.has(part) } : {}),
        });
      }
    } else {
      const impact = change.changeImpact;
      const replaced = change.resourceTypeChanged || impact === ResourceImpact.WILL_REPLACE || impact === ResourceImpact.MAY_REPLACE;
      const { properties, noiseOnly: onlyNoise } = realChanges(change);
      if (replaced) {
        changes.push({ ...base, change: 'replaced', properties, replacementCauses: change.resourceTypeChanged ? ['Type'] : replacementCauses(change) });
        if (old !== undefined && holdsData(old)) {
          const fate = fateUnder(old?.UpdateReplacePolicy);
          dataItems.push({ ...base, change: 'replaced', fate, policy: `UpdateReplacePolicy ${old?.UpdateReplacePolicy ?? 'Delete'}`, explanation: explainFate('replaced', fate) });
        }
      } else if (onlyNoise) {
        noiseOnly++;
      } else if (properties.length > 0) {
        changes.push({ ...base, change: 'changed', properties });
      }
    }
  });

  const services = [...new Set(changes.map((c) => serviceOf(c.type)))].sort().map((service) => {
    const of = (kind: ChangeKind) => changes.filter((c) => serviceOf(c.type) === service && c.change === kind).sort((a, b) => a.path.localeCompare(b.path));
    return { service, added: of('added'), removed: of('removed'), replaced: of('replaced'), changed: of('changed') };
  });

  const iam: IamChange[] = [
    ...rows(diff.iamChanges.summarizeStatements()).map((r) => ({
      change: r.sign === '+' ? ('added' as const) : ('removed' as const),
      kind: 'statement' as const,
      resource: refs(r.Resource),
      effect: r.Effect,
      actions: r.Action.split('\n').filter(Boolean),
      principal: refs(r.Principal),
      ...(r.Condition ? { condition: refs(r.Condition) } : {}),
    })),
    ...rows(diff.iamChanges.summarizeManagedPolicies()).map((r) => ({
      change: r.sign === '+' ? ('added' as const) : ('removed' as const),
      kind: 'managedPolicy' as const,
      resource: refs(r.Resource),
      managedPolicyArn: r['Managed Policy ARN'],
    })),
  ];
  const securityGroupRules = rows(diff.securityGroupChanges.summarize()).map((r) => ({
    change: r.sign === '+' ? ('added' as const) : ('removed' as const),
    group: refs(r.Group),
    direction: r.Dir === 'In' ? ('ingress' as const) : ('egress' as const),
    protocol: refs(r.Protocol),
    peer: refs(r.Peer),
  }));

  const outputsBefore = Object.keys(before.template.Outputs ?? {});
  const outputsAfter = Object.keys(after.template.Outputs ?? {});
  const verdict: DataSafety['verdict'] = dataItems.some((i) => i.fate === 'deleted')
    ? 'data-loss'
    : dataItems.some((i) => i.fate === 'empty')
      ? 'comes-back-empty'
      : dataItems.length > 0
        ? 'retained'
        : 'unchanged';
  return {
    study: study.contextKey,
    deployment: { variant: after.variant, ...(after.context ? { context: after.context } : {}) },
    stackName: study.stackName,
    from: stageRef(fromInfo),
    to: stageRef(toInfo),
    direction: forward ? 'forward' : 'backward',
    story: storyOf(study, before.stage, after.stage),
    summary: {
      added: changes.filter((c) => c.change === 'added').length,
      removed: changes.filter((c) => c.change === 'removed').length,
      replaced: changes.filter((c) => c.change === 'replaced').length,
      changed: changes.filter((c) => c.change === 'changed').length,
      noiseOnly,
    },
    services,
    iam: { ...iamSummary(iam, changes), changes: iam },
    network: { securityGroupRules, resources: changes.filter((c) => isNetworkType(c.type)) },
    outputs: { added: outputsAfter.filter((o) => !outputsBefore.includes(o)), removed: outputsBefore.filter((o) => !outputsAfter.includes(o)) },
    scorecard: scoreChange(before.scorecard, after.scorecard),
    // Each deployment has the load profile of its name: the talk's load only means something on the talk's deployment.
    cost: costDelta(stageCost(before, before.variant), stageCost(after, after.variant)),
    dataSafety: { verdict, items: dataItems },
  };
}

/**
 * Counts what the IAM changes do to permissions. cdk diff's own `permissionsBroadened` is true for
 * any added statement, a `Deny` too; this reads the effect, and cancels out statements that are only
 * rewritten (removed and added the same, once names are readable).
 */
export function iamSummary(changes: readonly IamChange[], resources: readonly ResourceChange[]): IamSummary {
  const key = (c: IamChange) => JSON.stringify([c.kind, c.effect, c.actions, c.resource, c.principal, c.condition, c.managedPolicyArn]);
  const removedKeys = changes.filter((c) => c.change === 'removed').map(key);
  const addedKeys = changes.filter((c) => c.change === 'added').map(key);
  const real = changes.filter((c) => !(c.change === 'added' ? removedKeys : addedKeys).includes(key(c)));
  const grant = (c: IamChange) => c.kind === 'managedPolicy' || c.effect === 'Allow';
  const grantsAdded = real.filter((c) => c.change === 'added' && grant(c));
  // A principal the step adds (`AWS:${Part/NewRole}`) gains nothing it had before.
  const addedIdentities = resources.filter((r) => r.change === 'added' && /^AWS::IAM::(Role|User)$/.test(r.type)).map((r) => r.path);
  const newIdentity = (c: IamChange) => {
    const named = c.kind === 'managedPolicy' ? c.resource : c.principal ?? '';
    return addedIdentities.some((p) => named.includes(`\${${p}}`) || named.includes(`\${${p}.`));
  };
  const counts = {
    grantsAdded: grantsAdded.length,
    grantsToExistingPrincipals: grantsAdded.filter((c) => /^AWS:\$\{/.test(c.principal ?? '') || c.kind === 'managedPolicy').filter((c) => !newIdentity(c)).length,
    grantsRemoved: real.filter((c) => c.change === 'removed' && grant(c)).length,
    denialsAdded: real.filter((c) => c.change === 'added' && !grant(c)).length,
    denialsRemoved: real.filter((c) => c.change === 'removed' && !grant(c)).length,
  };
  return { broadened: counts.grantsAdded + counts.denialsRemoved > 0, narrowed: counts.grantsRemoved + counts.denialsAdded > 0, ...counts };
}
