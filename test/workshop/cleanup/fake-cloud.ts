import { CleanupCloud, ObjectVersion, Page, ResourceGone, RoleInfo, SnapshotInfo, TaggedResource } from '../../../lib/workshop/cleanup/cloud';

/** An account as the fake holds it: what exists, and every mutating call made on it, in order. */
export interface FakeAccount {
  stacks?: Record<string, string[]>;
  tagged?: TaggedResource[];
  snapshots?: SnapshotInfo[];
  logGroups?: string[];
  roles?: RoleInfo[];
  /** Object versions per bucket. */
  objects?: Record<string, ObjectVersion[]>;
  protectedTables?: string[];
  keys?: Record<string, { state: string; managedByAws?: boolean }>;
  scheduledSecrets?: string[];
  policyTargets?: Record<string, string[]>;
  policyOldVersions?: Record<string, string[]>;
  roleAttachments?: Record<string, { managedPolicies: string[]; inlinePolicies: string[]; instanceProfiles: string[] }>;
  /** Names of resources whose delete call throws this error. */
  failing?: Record<string, Error>;
  /** Names already deleted by someone else: their calls answer "gone". */
  gone?: string[];
}

/**
 * {@link CleanupCloud} in memory: no network, no credentials. Listing calls answer from the account;
 * mutating calls are recorded in `calls` (and change the account), so tests can assert what was
 * deleted and in which order. Object versions are listed in pages of `pageSize`.
 */
export class FakeCloud implements CleanupCloud {
  public readonly calls: string[] = [];
  public readonly region = 'us-east-1';

  constructor(
    private readonly account: FakeAccount,
    private readonly pageSize = 1500,
  ) {}

  private mutate(call: string, name: string): void {
    if (this.account.gone?.includes(name)) throw new ResourceGone(name);
    const failure = this.account.failing?.[name];
    if (failure) throw failure;
    this.calls.push(call);
  }

  async stackResources(stackName: string) {
    return this.account.stacks?.[stackName];
  }
  async taggedResources(key: string, values: readonly string[]) {
    return (this.account.tagged ?? []).filter((t) => values.includes(t.tags[key]));
  }
  async snapshots() {
    return this.account.snapshots ?? [];
  }
  async logGroups(prefix: string) {
    return (this.account.logGroups ?? []).filter((g) => g.startsWith(prefix)).map((name) => ({ name, arn: `arn:aws:logs:us-east-1:111122223333:log-group:${name}` }));
  }
  async rolesNamed(prefix: string) {
    return (this.account.roles ?? []).filter((r) => r.name.startsWith(prefix));
  }

  async listObjectVersions(bucket: string, next?: string): Promise<Page<ObjectVersion>> {
    if (this.account.gone?.includes(bucket)) throw new ResourceGone(bucket);
    const start = Number(next ?? 0);
    const all = this.account.objects?.[bucket] ?? [];
    const items = all.slice(start, start + this.pageSize);
    return { items, next: start + this.pageSize < all.length ? String(start + this.pageSize) : undefined };
  }
  async deleteObjectVersions(bucket: string, versions: readonly ObjectVersion[]) {
    if (versions.length > 1000) throw new Error('S3 deletes at most 1000 objects per call');
    this.mutate(`deleteObjectVersions ${bucket} ${versions.length}`, bucket);
  }
  async deleteBucket(bucket: string) {
    this.mutate(`deleteBucket ${bucket}`, bucket);
  }
  async tableDeletionProtected(table: string) {
    return this.account.protectedTables?.includes(table) ?? false;
  }
  async disableTableDeletionProtection(table: string) {
    this.mutate(`disableTableDeletionProtection ${table}`, table);
  }
  async deleteTable(table: string) {
    this.mutate(`deleteTable ${table}`, table);
  }
  async describeKey(keyId: string) {
    if (this.account.gone?.includes(keyId)) throw new ResourceGone(keyId);
    const key = this.account.keys?.[keyId] ?? { state: 'Enabled' };
    return { state: key.state, managedByAws: key.managedByAws ?? false };
  }
  async scheduleKeyDeletion(keyId: string, days: number) {
    this.mutate(`scheduleKeyDeletion ${keyId} ${days}`, keyId);
  }
  async deleteLogGroup(name: string) {
    this.mutate(`deleteLogGroup ${name}`, name);
  }
  async deleteSecret(arn: string, days: number) {
    if (this.account.scheduledSecrets?.includes(arn)) return 'alreadyScheduled' as const;
    this.mutate(`deleteSecret ${arn} ${days}`, arn);
    return 'scheduled' as const;
  }
  async deleteQueue(arn: string) {
    this.mutate(`deleteQueue ${arn}`, arn);
  }
  async iotPolicyTargets(policy: string) {
    return this.account.policyTargets?.[policy] ?? [];
  }
  async detachIotPolicy(policy: string, target: string) {
    this.mutate(`detachIotPolicy ${policy} ${target}`, policy);
  }
  async iotPolicyOldVersions(policy: string) {
    return this.account.policyOldVersions?.[policy] ?? [];
  }
  async deleteIotPolicyVersion(policy: string, versionId: string) {
    this.mutate(`deleteIotPolicyVersion ${policy} ${versionId}`, policy);
  }
  async deleteIotPolicy(policy: string) {
    this.mutate(`deleteIotPolicy ${policy}`, policy);
  }
  async roleAttachments(role: string) {
    return this.account.roleAttachments?.[role] ?? { managedPolicies: [], inlinePolicies: [], instanceProfiles: [] };
  }
  async detachRolePolicy(role: string, policyArn: string) {
    this.mutate(`detachRolePolicy ${role} ${policyArn}`, role);
  }
  async deleteRolePolicy(role: string, policyName: string) {
    this.mutate(`deleteRolePolicy ${role} ${policyName}`, role);
  }
  async removeRoleFromInstanceProfile(role: string, profile: string) {
    this.mutate(`removeRoleFromInstanceProfile ${role} ${profile}`, role);
  }
  async deleteRole(role: string) {
    this.mutate(`deleteRole ${role}`, role);
  }
  async deleteSnapshot(snapshot: { kind: SnapshotInfo['kind']; id: string }) {
    this.mutate(`deleteSnapshot ${snapshot.kind} ${snapshot.id}`, snapshot.id);
  }
}
