import { CleanupCloud, ResourceGone } from './cloud';
import { RetainedResource } from './retained';

/** The shortest waiting period AWS allows before a KMS key or a secret is really deleted: a week to change one's mind. */
export const MINIMUM_PENDING_DAYS = 7;

/** S3 deletes at most this many object versions per call. */
const DELETE_BATCH = 1000;

/** What happened to one resource. */
export interface DeletionResult {
  readonly resource: RetainedResource;
  readonly outcome: 'deleted' | 'scheduled' | 'alreadyScheduled' | 'alreadyGone' | 'skipped' | 'failed';
  readonly detail?: string;
}

/** Empties a bucket of every object version and delete marker, then deletes it. Returns how many versions went. */
async function deleteBucket(cloud: CleanupCloud, bucket: string): Promise<number> {
  let removed = 0;
  let next: string | undefined;
  do {
    const page = await cloud.listObjectVersions(bucket, next);
    for (let i = 0; i < page.items.length; i += DELETE_BATCH) {
      const batch = page.items.slice(i, i + DELETE_BATCH);
      await cloud.deleteObjectVersions(bucket, batch);
      removed += batch.length;
    }
    next = page.next;
  } while (next);
  await cloud.deleteBucket(bucket);
  return removed;
}

async function deleteOne(cloud: CleanupCloud, r: RetainedResource): Promise<Omit<DeletionResult, 'resource'>> {
  switch (r.kind) {
    case 'bucket': {
      const versions = await deleteBucket(cloud, r.name);
      return { outcome: 'deleted', detail: `${versions} object version${versions === 1 ? '' : 's'} removed first` };
    }
    case 'table':
      if (await cloud.tableDeletionProtected(r.name)) await cloud.disableTableDeletionProtection(r.name);
      await cloud.deleteTable(r.name);
      return { outcome: 'deleted' };
    case 'kmsKey': {
      const key = await cloud.describeKey(r.name);
      if (key.managedByAws) return { outcome: 'skipped', detail: 'an AWS managed key; AWS deletes it' };
      if (key.state === 'PendingDeletion') return { outcome: 'alreadyScheduled' };
      await cloud.scheduleKeyDeletion(r.name, MINIMUM_PENDING_DAYS);
      return { outcome: 'scheduled', detail: `deleted in ${MINIMUM_PENDING_DAYS} days (aws kms cancel-key-deletion undoes it)` };
    }
    case 'secret': {
      const outcome = await cloud.deleteSecret(r.arn, MINIMUM_PENDING_DAYS);
      return outcome === 'scheduled' ? { outcome, detail: `deleted in ${MINIMUM_PENDING_DAYS} days (aws secretsmanager restore-secret undoes it)` } : { outcome };
    }
    case 'logGroup':
      await cloud.deleteLogGroup(r.name);
      return { outcome: 'deleted' };
    case 'queue':
      await cloud.deleteQueue(r.arn);
      return { outcome: 'deleted' };
    case 'iotPolicy': {
      // IoT refuses to delete a policy still attached to a certificate, or with old versions.
      const targets = await cloud.iotPolicyTargets(r.name);
      for (const target of targets) await cloud.detachIotPolicy(r.name, target);
      for (const version of await cloud.iotPolicyOldVersions(r.name)) await cloud.deleteIotPolicyVersion(r.name, version);
      await cloud.deleteIotPolicy(r.name);
      return { outcome: 'deleted', detail: targets.length ? `detached from ${targets.length} target${targets.length === 1 ? '' : 's'} first` : undefined };
    }
    case 'iamRole': {
      // IAM refuses to delete a role with policies or instance profiles.
      const attached = await cloud.roleAttachments(r.name);
      for (const policy of attached.managedPolicies) await cloud.detachRolePolicy(r.name, policy);
      for (const policy of attached.inlinePolicies) await cloud.deleteRolePolicy(r.name, policy);
      for (const profile of attached.instanceProfiles) await cloud.removeRoleFromInstanceProfile(r.name, profile);
      await cloud.deleteRole(r.name);
      return { outcome: 'deleted' };
    }
    case 'dbClusterSnapshot':
    case 'docdbClusterSnapshot':
    case 'dbSnapshot':
      await cloud.deleteSnapshot({ kind: r.kind, id: r.name });
      return { outcome: 'deleted' };
  }
}

/**
 * Deletes the plan's resources one by one, in order. A resource that is already gone is fine; one
 * that fails is reported and the rest still run, so one stubborn resource does not hold up the others.
 */
export async function deleteRetained(
  cloud: CleanupCloud,
  resources: readonly RetainedResource[],
  progress: (result: DeletionResult) => void = () => undefined,
): Promise<DeletionResult[]> {
  const results: DeletionResult[] = [];
  for (const resource of resources) {
    let result: DeletionResult;
    try {
      result = { resource, ...(await deleteOne(cloud, resource)) };
    } catch (error) {
      result =
        error instanceof ResourceGone
          ? { resource, outcome: 'alreadyGone' }
          : { resource, outcome: 'failed', detail: `${(error as Error).name}: ${String((error as Error).message).split('\n')[0]}` };
    }
    results.push(result);
    progress(result);
  }
  return results;
}
