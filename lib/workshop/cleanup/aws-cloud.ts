import { CloudFormationClient, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient, DeleteLogGroupCommand, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DeleteDBClusterSnapshotCommand as DeleteDocDbClusterSnapshotCommand, DescribeDBClusterSnapshotsCommand as DescribeDocDbClusterSnapshotsCommand, DocDBClient } from '@aws-sdk/client-docdb';
import { DeleteTableCommand, DescribeTableCommand, DynamoDBClient, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListInstanceProfilesForRoleCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  RemoveRoleFromInstanceProfileCommand,
} from '@aws-sdk/client-iam';
import { DeletePolicyCommand, DeletePolicyVersionCommand, DetachPolicyCommand, IoTClient, ListPolicyVersionsCommand, ListTargetsForPolicyCommand } from '@aws-sdk/client-iot';
import { DescribeKeyCommand, KMSClient, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { DeleteDBClusterSnapshotCommand, DeleteDBSnapshotCommand, DescribeDBClusterSnapshotsCommand, DescribeDBSnapshotsCommand, RDSClient } from '@aws-sdk/client-rds';
import { GetResourcesCommand, ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { DeleteBucketCommand, DeleteObjectsCommand, ListObjectVersionsCommand, S3Client } from '@aws-sdk/client-s3';
import { DeleteSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DeleteQueueCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CleanupCloud, ObjectVersion, Page, ResourceGone, RoleInfo, SnapshotInfo, TaggedResource } from './cloud';

/** Error names the services use for "no such resource". */
const NOT_FOUND = new Set([
  'NoSuchBucket',
  'ResourceNotFoundException',
  'NotFoundException',
  'NoSuchEntityException',
  'NoSuchEntity',
  'QueueDoesNotExist',
  'AWS.SimpleQueueService.NonExistentQueue',
  'DBClusterSnapshotNotFoundFault',
  'DBSnapshotNotFoundFault',
]);

/** Runs a call; a "no such resource" answer becomes {@link ResourceGone}. */
async function orGone<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (NOT_FOUND.has((error as Error).name)) throw new ResourceGone(what);
    throw error;
  }
}

const tagMap = (tags: readonly { Key?: string; Value?: string }[] | undefined): Record<string, string> =>
  Object.fromEntries((tags ?? []).filter((t) => t.Key !== undefined).map((t) => [t.Key!, t.Value ?? '']));

/** Service principals a role's trust policy (URL-encoded JSON, as IAM returns it) names. */
function servicesTrustedBy(document: string | undefined): string[] {
  try {
    const trust = JSON.parse(decodeURIComponent(document ?? '{}')) as { Statement?: { Principal?: { Service?: string | string[] } }[] };
    return (trust.Statement ?? []).flatMap((s) => [s.Principal?.Service ?? []].flat());
  } catch {
    return [];
  }
}

/** Pages through a listing until it has no next token. */
async function all<T>(page: (token: string | undefined) => Promise<{ items: readonly T[]; next?: string }>): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const result = await page(token);
    items.push(...result.items);
    token = result.next;
  } while (token);
  return items;
}

/** {@link CleanupCloud} on the AWS SDK for JavaScript v3, with the default credential chain, in one region. */
export class AwsCleanupCloud implements CleanupCloud {
  private readonly config: { region: string };
  private readonly clients = new Map<string, unknown>();

  constructor(public readonly region: string) {
    this.config = { region };
  }

  private client<T>(name: string, make: () => T): T {
    if (!this.clients.has(name)) this.clients.set(name, make());
    return this.clients.get(name) as T;
  }
  private get cfn() { return this.client('cfn', () => new CloudFormationClient(this.config)); }
  private get tagging() { return this.client('tagging', () => new ResourceGroupsTaggingAPIClient(this.config)); }
  private get rds() { return this.client('rds', () => new RDSClient(this.config)); }
  private get docdb() { return this.client('docdb', () => new DocDBClient(this.config)); }
  private get logs() { return this.client('logs', () => new CloudWatchLogsClient(this.config)); }
  private get iam() { return this.client('iam', () => new IAMClient(this.config)); }
  // A bucket lives in one region; following S3's redirect reaches one the tagging API listed from another.
  private get s3() { return this.client('s3', () => new S3Client({ ...this.config, followRegionRedirects: true })); }
  private get dynamodb() { return this.client('dynamodb', () => new DynamoDBClient(this.config)); }
  private get kms() { return this.client('kms', () => new KMSClient(this.config)); }
  private get secrets() { return this.client('secrets', () => new SecretsManagerClient(this.config)); }
  private get sqs() { return this.client('sqs', () => new SQSClient(this.config)); }
  private get iot() { return this.client('iot', () => new IoTClient(this.config)); }

  async stackResources(stackName: string): Promise<readonly string[] | undefined> {
    try {
      return await all(async (NextToken) => {
        const out = await this.cfn.send(new ListStackResourcesCommand({ StackName: stackName, NextToken }));
        return { items: (out.StackResourceSummaries ?? []).flatMap((r) => (r.PhysicalResourceId ? [r.PhysicalResourceId] : [])), next: out.NextToken };
      });
    } catch (error) {
      // A stack that was never deployed, or is deleted, is "does not exist" to CloudFormation.
      if ((error as Error).name === 'ValidationError' && /does not exist/.test((error as Error).message)) return undefined;
      throw error;
    }
  }

  taggedResources(key: string, values: readonly string[]): Promise<readonly TaggedResource[]> {
    return all(async (PaginationToken) => {
      const out = await this.tagging.send(new GetResourcesCommand({ TagFilters: [{ Key: key, Values: [...values] }], ResourcesPerPage: 100, PaginationToken }));
      return {
        items: (out.ResourceTagMappingList ?? []).flatMap((m) => (m.ResourceARN ? [{ arn: m.ResourceARN, tags: tagMap(m.Tags) }] : [])),
        next: out.PaginationToken || undefined,
      };
    });
  }

  async snapshots(): Promise<readonly SnapshotInfo[]> {
    const clusters = await all(async (Marker) => {
      const out = await this.rds.send(new DescribeDBClusterSnapshotsCommand({ SnapshotType: 'manual', Marker }));
      return { items: out.DBClusterSnapshots ?? [], next: out.Marker };
    });
    const instances = await all(async (Marker) => {
      const out = await this.rds.send(new DescribeDBSnapshotsCommand({ SnapshotType: 'manual', Marker }));
      return { items: out.DBSnapshots ?? [], next: out.Marker };
    });
    const docdb = await all(async (Marker) => {
      const out = await this.docdb.send(new DescribeDocDbClusterSnapshotsCommand({ SnapshotType: 'manual', Marker, Filters: [{ Name: 'engine', Values: ['docdb'] }] }));
      return { items: out.DBClusterSnapshots ?? [], next: out.Marker };
    });
    return [
      // The RDS API lists DocumentDB's cluster snapshots too; the DocumentDB API deletes those.
      ...clusters
        .filter((s) => s.Engine !== 'docdb')
        .map((s): SnapshotInfo => ({ kind: 'dbClusterSnapshot', id: s.DBClusterSnapshotIdentifier!, arn: s.DBClusterSnapshotArn!, source: s.DBClusterIdentifier ?? '', tags: tagMap(s.TagList) })),
      ...instances.map((s): SnapshotInfo => ({ kind: 'dbSnapshot', id: s.DBSnapshotIdentifier!, arn: s.DBSnapshotArn!, source: s.DBInstanceIdentifier ?? '', tags: tagMap(s.TagList) })),
      ...docdb.map((s): SnapshotInfo => ({ kind: 'docdbClusterSnapshot', id: s.DBClusterSnapshotIdentifier!, arn: s.DBClusterSnapshotArn!, source: s.DBClusterIdentifier ?? '', tags: {} })),
    ];
  }

  logGroups(prefix: string): Promise<readonly { name: string; arn: string }[]> {
    return all(async (nextToken) => {
      const out = await this.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: prefix, nextToken }));
      return { items: (out.logGroups ?? []).map((g) => ({ name: g.logGroupName!, arn: (g.arn ?? '').replace(/:\*$/, '') })), next: out.nextToken };
    });
  }

  async rolesNamed(prefix: string): Promise<readonly RoleInfo[]> {
    const roles = await all(async (Marker) => {
      const out = await this.iam.send(new ListRolesCommand({ Marker }));
      return { items: (out.Roles ?? []).filter((r) => r.RoleName?.startsWith(prefix)), next: out.IsTruncated ? out.Marker : undefined };
    });
    const result: RoleInfo[] = [];
    for (const role of roles) {
      const tags = await this.iam.send(new ListRoleTagsCommand({ RoleName: role.RoleName! }));
      const trustedServices = servicesTrustedBy(role.AssumeRolePolicyDocument);
      result.push({ name: role.RoleName!, arn: role.Arn!, tags: tagMap(tags.Tags), trustedServices });
    }
    return result;
  }

  async listObjectVersions(bucket: string, next?: string): Promise<Page<ObjectVersion>> {
    const markers = next ? (JSON.parse(next) as { KeyMarker?: string; VersionIdMarker?: string }) : {};
    const out = await orGone(`bucket ${bucket}`, () => this.s3.send(new ListObjectVersionsCommand({ Bucket: bucket, ...markers })));
    const items = [...(out.Versions ?? []), ...(out.DeleteMarkers ?? [])].map((v) => ({ key: v.Key!, versionId: v.VersionId }));
    return { items, next: out.IsTruncated ? JSON.stringify({ KeyMarker: out.NextKeyMarker, VersionIdMarker: out.NextVersionIdMarker }) : undefined };
  }

  async deleteObjectVersions(bucket: string, versions: readonly ObjectVersion[]): Promise<void> {
    const out = await orGone(`bucket ${bucket}`, () =>
      this.s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Quiet: true, Objects: versions.map((v) => ({ Key: v.key, VersionId: v.versionId })) } })),
    );
    if (out.Errors?.length) throw new Error(`${out.Errors.length} objects of ${bucket} could not be deleted, e.g. ${out.Errors[0].Key}: ${out.Errors[0].Code}`);
  }

  async deleteBucket(bucket: string): Promise<void> {
    await orGone(`bucket ${bucket}`, () => this.s3.send(new DeleteBucketCommand({ Bucket: bucket })));
  }

  async tableDeletionProtected(table: string): Promise<boolean> {
    const out = await orGone(`table ${table}`, () => this.dynamodb.send(new DescribeTableCommand({ TableName: table })));
    return out.Table?.DeletionProtectionEnabled === true;
  }

  async disableTableDeletionProtection(table: string): Promise<void> {
    await orGone(`table ${table}`, () => this.dynamodb.send(new UpdateTableCommand({ TableName: table, DeletionProtectionEnabled: false })));
    // DeleteTable refuses a table that is still UPDATING.
    for (let attempt = 0; attempt < 30; attempt++) {
      const out = await this.dynamodb.send(new DescribeTableCommand({ TableName: table }));
      if (out.Table?.TableStatus === 'ACTIVE') return;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }

  async deleteTable(table: string): Promise<void> {
    await orGone(`table ${table}`, () => this.dynamodb.send(new DeleteTableCommand({ TableName: table })));
  }

  async describeKey(keyId: string): Promise<{ state: string; managedByAws: boolean }> {
    const out = await orGone(`key ${keyId}`, () => this.kms.send(new DescribeKeyCommand({ KeyId: keyId })));
    return { state: out.KeyMetadata?.KeyState ?? 'Unknown', managedByAws: out.KeyMetadata?.KeyManager === 'AWS' };
  }

  async scheduleKeyDeletion(keyId: string, pendingWindowDays: number): Promise<void> {
    await orGone(`key ${keyId}`, () => this.kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: pendingWindowDays })));
  }

  async deleteLogGroup(name: string): Promise<void> {
    await orGone(`log group ${name}`, () => this.logs.send(new DeleteLogGroupCommand({ logGroupName: name })));
  }

  async deleteSecret(arn: string, recoveryWindowDays: number): Promise<'scheduled' | 'alreadyScheduled'> {
    try {
      await orGone(`secret ${arn}`, () => this.secrets.send(new DeleteSecretCommand({ SecretId: arn, RecoveryWindowInDays: recoveryWindowDays })));
      return 'scheduled';
    } catch (error) {
      if ((error as Error).name === 'InvalidRequestException' && /marked for deletion|scheduled for deletion/i.test((error as Error).message)) return 'alreadyScheduled';
      throw error;
    }
  }

  async deleteQueue(arn: string): Promise<void> {
    const [, , , , account, name] = arn.split(':');
    const { QueueUrl } = await orGone(`queue ${name}`, () => this.sqs.send(new GetQueueUrlCommand({ QueueName: name, QueueOwnerAWSAccountId: account })));
    await orGone(`queue ${name}`, () => this.sqs.send(new DeleteQueueCommand({ QueueUrl })));
  }

  iotPolicyTargets(policy: string): Promise<readonly string[]> {
    return all(async (marker) => {
      const out = await orGone(`IoT policy ${policy}`, () => this.iot.send(new ListTargetsForPolicyCommand({ policyName: policy, marker })));
      return { items: out.targets ?? [], next: out.nextMarker };
    });
  }

  async detachIotPolicy(policy: string, target: string): Promise<void> {
    await this.iot.send(new DetachPolicyCommand({ policyName: policy, target }));
  }

  async iotPolicyOldVersions(policy: string): Promise<readonly string[]> {
    const out = await orGone(`IoT policy ${policy}`, () => this.iot.send(new ListPolicyVersionsCommand({ policyName: policy })));
    return (out.policyVersions ?? []).filter((v) => !v.isDefaultVersion && v.versionId).map((v) => v.versionId!);
  }

  async deleteIotPolicyVersion(policy: string, versionId: string): Promise<void> {
    await this.iot.send(new DeletePolicyVersionCommand({ policyName: policy, policyVersionId: versionId }));
  }

  async deleteIotPolicy(policy: string): Promise<void> {
    await orGone(`IoT policy ${policy}`, () => this.iot.send(new DeletePolicyCommand({ policyName: policy })));
  }

  async roleAttachments(role: string): Promise<{ managedPolicies: readonly string[]; inlinePolicies: readonly string[]; instanceProfiles: readonly string[] }> {
    const managed = await orGone(`role ${role}`, () => this.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role })));
    const inline = await this.iam.send(new ListRolePoliciesCommand({ RoleName: role }));
    const profiles = await this.iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: role }));
    return {
      managedPolicies: (managed.AttachedPolicies ?? []).map((p) => p.PolicyArn!),
      inlinePolicies: inline.PolicyNames ?? [],
      instanceProfiles: (profiles.InstanceProfiles ?? []).map((p) => p.InstanceProfileName!),
    };
  }

  async detachRolePolicy(role: string, policyArn: string): Promise<void> {
    await this.iam.send(new DetachRolePolicyCommand({ RoleName: role, PolicyArn: policyArn }));
  }

  async deleteRolePolicy(role: string, policyName: string): Promise<void> {
    await this.iam.send(new DeleteRolePolicyCommand({ RoleName: role, PolicyName: policyName }));
  }

  async removeRoleFromInstanceProfile(role: string, instanceProfile: string): Promise<void> {
    await this.iam.send(new RemoveRoleFromInstanceProfileCommand({ RoleName: role, InstanceProfileName: instanceProfile }));
  }

  async deleteRole(role: string): Promise<void> {
    await orGone(`role ${role}`, () => this.iam.send(new DeleteRoleCommand({ RoleName: role })));
  }

  async deleteSnapshot(snapshot: { kind: SnapshotInfo['kind']; id: string }): Promise<void> {
    await orGone(`snapshot ${snapshot.id}`, async () => {
      if (snapshot.kind === 'dbSnapshot') await this.rds.send(new DeleteDBSnapshotCommand({ DBSnapshotIdentifier: snapshot.id }));
      else if (snapshot.kind === 'docdbClusterSnapshot') await this.docdb.send(new DeleteDocDbClusterSnapshotCommand({ DBClusterSnapshotIdentifier: snapshot.id }));
      else await this.rds.send(new DeleteDBClusterSnapshotCommand({ DBClusterSnapshotIdentifier: snapshot.id }));
    });
  }
}
