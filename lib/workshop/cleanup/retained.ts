/**
 * What `cdk destroy` leaves behind for this project's stacks, as data: every resource the stages
 * mark `Retain` (buckets, DynamoDB tables, KMS keys, log groups, secrets, queues, IoT policies, the
 * API Gateway logging role) and the final snapshots of the databases they mark `Snapshot`.
 */

/** The tag every resource of both case-study stacks carries (stages/stage-labels.ts); its value is the study. */
export const CASE_STUDY_TAG = 'wa:case-study';

/** Kinds of leftover the cleanup knows how to delete, in the order it deletes them. */
export const RETAINED_KINDS = [
  'dbClusterSnapshot',
  'docdbClusterSnapshot',
  'dbSnapshot',
  'secret',
  'kmsKey',
  'bucket',
  'table',
  'queue',
  'logGroup',
  'iotPolicy',
  'iamRole',
] as const;

export type RetainedKind = (typeof RETAINED_KINDS)[number];

/** One resource left behind. */
export interface RetainedResource {
  readonly kind: RetainedKind;
  /** The name (or key id, or snapshot identifier) the service's delete call takes. */
  readonly name: string;
  readonly arn: string;
  /** The case study it belongs to (`video`, `iot`). */
  readonly study: string;
  /** How it was found: by the case-study tag, or by name because the resource carries no tag. */
  readonly foundBy: 'tag' | 'name';
  /** What deleting it means beyond the obvious, for the plan's reader. */
  readonly note?: string;
}

/** What the kind is, in the plan's words. */
export const KIND_LABEL: Record<RetainedKind, string> = {
  dbClusterSnapshot: 'Aurora cluster snapshot',
  docdbClusterSnapshot: 'DocumentDB cluster snapshot',
  dbSnapshot: 'RDS instance snapshot',
  secret: 'Secrets Manager secret',
  kmsKey: 'KMS key',
  bucket: 'S3 bucket',
  table: 'DynamoDB table',
  queue: 'SQS queue',
  logGroup: 'CloudWatch log group',
  iotPolicy: 'IoT policy',
  iamRole: 'IAM role',
};

/** The kind and name a tagged resource's ARN stands for, or undefined for a type the cleanup does not delete. */
export function classifyArn(arn: string): { kind: RetainedKind; name: string } | undefined {
  const [, , service, , , ...rest] = arn.split(':');
  const resource = rest.join(':');
  const after = (prefix: string) => (resource.startsWith(prefix) ? resource.slice(prefix.length) : undefined);
  switch (service) {
    case 's3':
      return resource && !resource.includes('/') ? { kind: 'bucket', name: resource } : undefined;
    case 'dynamodb': {
      const name = after('table/');
      return name && !name.includes('/') ? { kind: 'table', name } : undefined;
    }
    case 'kms': {
      const name = after('key/');
      return name ? { kind: 'kmsKey', name } : undefined;
    }
    case 'logs': {
      const name = after('log-group:');
      return name ? { kind: 'logGroup', name: name.replace(/:\*$/, '') } : undefined;
    }
    case 'secretsmanager':
      return after('secret:') ? { kind: 'secret', name: arn } : undefined;
    case 'sqs':
      return resource ? { kind: 'queue', name: resource } : undefined;
    case 'iot': {
      const name = after('policy/');
      return name ? { kind: 'iotPolicy', name } : undefined;
    }
    case 'iam': {
      const path = after('role/');
      return path ? { kind: 'iamRole', name: path.slice(path.lastIndexOf('/') + 1) } : undefined;
    }
    default:
      // Snapshots are found through the database APIs, which say which engine deletes them.
      return undefined;
  }
}
