/**
 * Every AWS call the cleanup makes, behind one small interface: the planning and deletion logic is
 * tested offline against a fake, and aws-cloud.ts implements it with the AWS SDK.
 */

/** A resource the Resource Groups Tagging API returned. */
export interface TaggedResource {
  readonly arn: string;
  readonly tags: Readonly<Record<string, string>>;
}

/** A manual database snapshot (a final snapshot is one). */
export interface SnapshotInfo {
  readonly kind: 'dbClusterSnapshot' | 'docdbClusterSnapshot' | 'dbSnapshot';
  readonly id: string;
  readonly arn: string;
  /** The cluster or instance it was taken from. */
  readonly source: string;
  readonly tags: Readonly<Record<string, string>>;
}

/** An IAM role, as the cleanup looks at it. */
export interface RoleInfo {
  readonly name: string;
  readonly arn: string;
  readonly tags: Readonly<Record<string, string>>;
  /** Service principals the role's trust policy names, e.g. `apigateway.amazonaws.com`. */
  readonly trustedServices: readonly string[];
}

/** An S3 object version or delete marker. */
export interface ObjectVersion {
  readonly key: string;
  readonly versionId?: string;
}

/** One page of a listing. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly next?: string;
}

/** What the cleanup needs from AWS, in one account and region. */
export interface CleanupCloud {
  readonly region: string;

  /** Physical IDs of a stack's resources, or undefined when no such stack is deployed (or it is deleted). */
  stackResources(stackName: string): Promise<readonly string[] | undefined>;
  /** Resources carrying `key` with one of `values`, in the region (IAM roles whatever their region). */
  taggedResources(key: string, values: readonly string[]): Promise<readonly TaggedResource[]>;
  /** Manual snapshots of RDS clusters, RDS instances and DocumentDB clusters. */
  snapshots(): Promise<readonly SnapshotInfo[]>;
  /** Log groups whose names start with `prefix`. */
  logGroups(prefix: string): Promise<readonly { name: string; arn: string }[]>;
  /** IAM roles whose names start with `prefix`, with their tags and the services their trust policy names. */
  rolesNamed(prefix: string): Promise<readonly RoleInfo[]>;

  listObjectVersions(bucket: string, next?: string): Promise<Page<ObjectVersion>>;
  /** Deletes up to 1,000 object versions (the S3 limit per call). */
  deleteObjectVersions(bucket: string, versions: readonly ObjectVersion[]): Promise<void>;
  deleteBucket(bucket: string): Promise<void>;

  tableDeletionProtected(table: string): Promise<boolean>;
  disableTableDeletionProtection(table: string): Promise<void>;
  deleteTable(table: string): Promise<void>;

  /** The key's state (`Enabled`, `PendingDeletion`, ...) and who manages it. */
  describeKey(keyId: string): Promise<{ state: string; managedByAws: boolean }>;
  scheduleKeyDeletion(keyId: string, pendingWindowDays: number): Promise<void>;

  deleteLogGroup(name: string): Promise<void>;
  /** Deletes a secret after a recovery window; a secret already scheduled for deletion is left as it is. */
  deleteSecret(arn: string, recoveryWindowDays: number): Promise<'scheduled' | 'alreadyScheduled'>;
  deleteQueue(arn: string): Promise<void>;

  iotPolicyTargets(policy: string): Promise<readonly string[]>;
  detachIotPolicy(policy: string, target: string): Promise<void>;
  iotPolicyOldVersions(policy: string): Promise<readonly string[]>;
  deleteIotPolicyVersion(policy: string, versionId: string): Promise<void>;
  deleteIotPolicy(policy: string): Promise<void>;

  roleAttachments(role: string): Promise<{ managedPolicies: readonly string[]; inlinePolicies: readonly string[]; instanceProfiles: readonly string[] }>;
  detachRolePolicy(role: string, policyArn: string): Promise<void>;
  deleteRolePolicy(role: string, policyName: string): Promise<void>;
  removeRoleFromInstanceProfile(role: string, instanceProfile: string): Promise<void>;
  deleteRole(role: string): Promise<void>;

  deleteSnapshot(snapshot: { kind: SnapshotInfo['kind']; id: string }): Promise<void>;
}

/** A resource that no longer exists (deleted meanwhile, or a stale tagging entry): nothing left to do. */
export class ResourceGone extends Error {
  constructor(what: string) {
    super(`${what} no longer exists`);
    this.name = 'ResourceGone';
  }
}
