import { fullDiff, ResourceImpact } from '@aws-cdk/cloudformation-diff';

/** Resource types that hold data (or the keys and credentials needed to read it). */
export const STATEFUL_TYPES: readonly string[] = [
  'AWS::S3::Bucket',
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::DocDB::DBCluster',
  'AWS::RDS::DBCluster',
  'AWS::RDS::DBInstance',
  'AWS::KMS::Key',
  'AWS::Logs::LogGroup',
  'AWS::SecretsManager::Secret',
  'AWS::EFS::FileSystem',
  'AWS::Kinesis::Stream',
  'AWS::SQS::Queue',
];

/** Policies under which CloudFormation leaves the data behind when it removes or replaces a resource. */
const KEEPS_DATA = new Set(['Retain', 'RetainExceptOnCreate', 'Snapshot']);

/** A CloudFormation template, as far as this check reads it. */
export interface CfnTemplate {
  readonly Resources?: Record<string, { Type: string; DeletionPolicy?: string; UpdateReplacePolicy?: string; Properties?: unknown }>;
}

/** One way a stage change could lose data. */
export interface DataRisk {
  readonly logicalId: string;
  readonly type: string;
  readonly problem: 'no-retention-policy' | 'removed-without-retention' | 'replaced' | 'type-changed' | 'moved';
  readonly detail: string;
}

function statefulResources(template: CfnTemplate): Array<[string, { Type: string; DeletionPolicy?: string; UpdateReplacePolicy?: string }]> {
  return Object.entries(template.Resources ?? {}).filter(([, r]) => STATEFUL_TYPES.includes(r.Type));
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
 * retaining policy, replaced in place (a new physical resource, empty), changed type, or moved to a new
 * logical ID (CloudFormation sees a delete plus an unrelated create).
 */
export function dataRisks(before: CfnTemplate, after: CfnTemplate): DataRisk[] {
  const risks: DataRisk[] = [...missingRetention(after)];
  const afterResources = after.Resources ?? {};
  const diff = fullDiff(before as never, after as never);
  // Log groups come and go with the compute that writes them (their history is retained), so only
  // data stores count as moved.
  const removedTypes = new Set<string>();

  for (const [logicalId, resource] of statefulResources(before)) {
    const next = afterResources[logicalId];
    if (!next) {
      if (resource.Type !== 'AWS::Logs::LogGroup') {
        removedTypes.add(resource.Type);
      }
      if (!KEEPS_DATA.has(resource.DeletionPolicy ?? 'Delete')) {
        risks.push({ logicalId, type: resource.Type, problem: 'removed-without-retention', detail: `DeletionPolicy=${resource.DeletionPolicy ?? 'Delete'}` });
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

  const beforeIds = new Set(Object.keys(before.Resources ?? {}));
  for (const [logicalId, resource] of statefulResources(after)) {
    if (!beforeIds.has(logicalId) && removedTypes.has(resource.Type)) {
      risks.push({
        logicalId,
        type: resource.Type,
        problem: 'moved',
        detail: `a ${resource.Type} was removed and this one added in the same step: a renamed construct starts empty`,
      });
    }
  }
  return risks;
}
