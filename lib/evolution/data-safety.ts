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
  readonly Resources?: Record<
    string,
    { Type: string; DeletionPolicy?: string; UpdateReplacePolicy?: string; Properties?: unknown; Metadata?: Record<string, unknown> }
  >;
}

type Resource = NonNullable<CfnTemplate['Resources']>[string];

/** One way a stage change could lose data. */
export interface DataRisk {
  readonly logicalId: string;
  readonly type: string;
  readonly problem: 'no-retention-policy' | 'removed-without-retention' | 'replaced' | 'type-changed' | 'removed-unannounced';
  readonly detail: string;
}

/** What the stage being deployed says it retires. */
export interface StageChange {
  /** Top-level construct IDs whose resources the new stage retires (see StageInfo.retiredParts). */
  readonly retiredParts: readonly string[];
}

function statefulResources(template: CfnTemplate): Array<[string, Resource]> {
  return Object.entries(template.Resources ?? {}).filter(([, r]) => STATEFUL_TYPES.includes(r.Type));
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
 * and CloudFormation sees a delete plus an unrelated, empty create).
 */
export function dataRisks(before: CfnTemplate, after: CfnTemplate, change: StageChange = { retiredParts: [] }): DataRisk[] {
  const risks: DataRisk[] = [...missingRetention(after)];
  const afterResources = after.Resources ?? {};
  const diff = fullDiff(before as never, after as never);

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
