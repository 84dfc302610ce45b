import { fullDiff, ResourceImpact, TemplateDiff } from '@aws-cdk/cloudformation-diff';
import { holdsData, KEEPS_DATA } from './data-fate';

/** A CloudFormation template, as far as this check reads it. */
export interface CfnTemplate {
  readonly Resources?: Record<
    string,
    { Type: string; DeletionPolicy?: string; UpdateReplacePolicy?: string; Properties?: any; Metadata?: Record<string, unknown> }
  >;
}

type Resource = NonNullable<CfnTemplate['Resources']>[string];

const diffs = new WeakMap<CfnTemplate, WeakMap<CfnTemplate, TemplateDiff>>();

/** CloudFormation's view of a template change, computed once per pair: the checks share it. */
export function templateDiff(before: CfnTemplate, after: CfnTemplate): TemplateDiff {
  const byAfter = diffs.get(before) ?? new WeakMap<CfnTemplate, TemplateDiff>();
  diffs.set(before, byAfter);
  const diff = byAfter.get(after) ?? fullDiff(before as never, after as never);
  byAfter.set(after, diff);
  return diff;
}

/** One way a stage change could lose data. */
export interface DataRisk {
  readonly logicalId: string;
  readonly type: string;
  readonly problem:
    | 'no-retention-policy'
    | 'removed-without-retention'
    | 'replaced'
    | 'type-changed'
    | 'removed-unannounced'
    | 'kept-dependency-deleted'
    | 'secret-detached'
    | 'retired-compute-billing'
    | 'deletion-blocked';
  readonly detail: string;
}

/** What the stage being deployed says it retires. */
export interface StageChange {
  /** Top-level construct IDs whose resources the new stage retires (see StageInfo.retiredParts). */
  readonly retiredParts: readonly string[];
}

function statefulResources(template: CfnTemplate): Array<[string, Resource]> {
  return Object.entries(template.Resources ?? {}).filter(([, r]) => holdsData(r));
}

/** Logical IDs a value refers to with Ref or Fn::GetAtt, at any depth. */
function referencesIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) referencesIn(v, found);
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'Ref' && typeof v === 'string' && !v.startsWith('AWS::')) found.add(v);
      else if (key === 'Fn::GetAtt') found.add(Array.isArray(v) ? String(v[0]) : String(v).split('.')[0]);
      else referencesIn(v, found);
    }
  }
  return found;
}

const RETAINED = new Set(['Retain', 'RetainExceptOnCreate']);
/** Types whose DeletionProtection makes CloudFormation's delete fail (and the resource stay, and bill). */
const PROTECTABLE = ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::DocDB::DBCluster', 'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'];
/** Database compute billed by the hour while it exists. */
const DATABASE_COMPUTE = ['AWS::RDS::DBInstance', 'AWS::DocDB::DBInstance'];

/**
 * What removing resources from a stack does to the ones that stay behind. A retained resource keeps
 * working only if what it uses (security group, subnet group, key, role, secret) stays too; a final
 * snapshot is readable only with its key and credentials; deleting a secret attachment strips the
 * connection fields from a secret whose database is kept; a retired database instance that is kept
 * keeps billing compute; and a delete that deletion protection refuses leaves the resource running.
 */
export function retirementRisks(before: CfnTemplate, after: CfnTemplate): DataRisk[] {
  const risks: DataRisk[] = [];
  const resources = before.Resources ?? {};
  const removed = new Map(Object.entries(resources).filter(([id]) => !after.Resources?.[id]));
  const policy = (r: Resource) => r.DeletionPolicy ?? 'Delete';

  for (const [logicalId, resource] of removed) {
    const kept = RETAINED.has(policy(resource));
    if (kept || policy(resource) === 'Snapshot') {
      // A log group named after its writer keeps its logs when the writer goes: the name is not a use.
      const uses = { ...resource.Properties };
      if (resource.Type === 'AWS::Logs::LogGroup') delete uses.LogGroupName;
      for (const dependency of referencesIn(uses)) {
        const needs = removed.get(dependency);
        if (!needs || RETAINED.has(policy(needs))) continue;
        if (kept || ['AWS::KMS::Key', 'AWS::SecretsManager::Secret'].includes(needs.Type)) {
          risks.push({
            logicalId: dependency,
            type: needs.Type,
            problem: 'kept-dependency-deleted',
            detail: `${logicalId} (${policy(resource)}) ${kept ? 'uses' : 'has a snapshot that needs'} it, but it would be deleted`,
          });
        }
      }
    }
    if (resource.Type === 'AWS::SecretsManager::SecretTargetAttachment' && !RETAINED.has(policy(resource))) {
      const target = [...referencesIn(resource.Properties?.TargetId)].map((id) => removed.get(id)).find(Boolean);
      if (target && RETAINED.has(policy(target))) {
        risks.push({ logicalId, type: resource.Type, problem: 'secret-detached', detail: 'deleting it removes host and port from the secret of a kept database' });
      }
    }
    if (DATABASE_COMPUTE.includes(resource.Type) && kept) {
      risks.push({ logicalId, type: resource.Type, problem: 'retired-compute-billing', detail: 'a retained database instance keeps running and billing' });
    }
    if (PROTECTABLE.includes(resource.Type) && !kept && resource.Properties?.DeletionProtection === true) {
      risks.push({ logicalId, type: resource.Type, problem: 'deletion-blocked', detail: `DeletionPolicy ${policy(resource)} with deletion protection on: the delete fails and it keeps billing` });
    }
  }
  return risks;
}

/** The first construct ID under the stack in a resource's `aws:cdk:path` metadata, if present. */
function topLevelPart(resource: Resource): string | undefined {
  const path = resource.Metadata?.['aws:cdk:path'];
  return typeof path === 'string' ? path.split('/')[1] : undefined;
}

/** Stateful resources of one template whose deletion or replacement would delete the data with them. */
export function missingRetention(template: CfnTemplate): DataRisk[] {
  return statefulResources(template)
    .filter(([, r]) => !KEEPS_DATA.has(r.DeletionPolicy ?? 'Delete') || !KEEPS_DATA.has(r.UpdateReplacePolicy ?? 'Delete'))
    .map(([logicalId, r]) => ({
      logicalId,
      type: r.Type,
      problem: 'no-retention-policy' as const,
      detail: `DeletionPolicy=${r.DeletionPolicy ?? 'Delete'}, UpdateReplacePolicy=${r.UpdateReplacePolicy ?? 'Delete'}`,
    }));
}

/**
 * What deploying `after` over `before` would do to the data: stateful resources removed without a
 * retaining policy, replaced (a new physical resource, empty), changed in type, or removed from a part
 * the new stage does not say it retires (a construct that moved or was renamed gets a new logical ID,
 * and CloudFormation sees a delete plus an unrelated, empty create); and what retiring them would do
 * to what is kept ({@link retirementRisks}).
 */
export function dataRisks(before: CfnTemplate, after: CfnTemplate, change: StageChange = { retiredParts: [] }): DataRisk[] {
  const risks: DataRisk[] = [...missingRetention(after), ...retirementRisks(before, after)];
  const afterResources = after.Resources ?? {};
  const diff = templateDiff(before, after);

  for (const [logicalId, resource] of statefulResources(before)) {
    const next = afterResources[logicalId];
    if (!next) {
      if (!KEEPS_DATA.has(resource.DeletionPolicy ?? 'Delete')) {
        risks.push({ logicalId, type: resource.Type, problem: 'removed-without-retention', detail: `DeletionPolicy=${resource.DeletionPolicy ?? 'Delete'}` });
      }
      const part = topLevelPart(resource);
      if (!part || !change.retiredParts.includes(part)) {
        risks.push({
          logicalId,
          type: resource.Type,
          problem: 'removed-unannounced',
          detail: `part '${part ?? 'unknown'}' is not among the parts the stage retires (${change.retiredParts.join(', ') || 'none'})`,
        });
      }
      continue;
    }
    if (next.Type !== resource.Type) {
      risks.push({ logicalId, type: resource.Type, problem: 'type-changed', detail: `${resource.Type} -> ${next.Type}` });
      continue;
    }
    const impact = diff.resources.get(logicalId)?.changeImpact;
    if (impact === ResourceImpact.WILL_REPLACE || impact === ResourceImpact.MAY_REPLACE) {
      risks.push({ logicalId, type: resource.Type, problem: 'replaced', detail: impact });
    }
  }
  return risks;
}
