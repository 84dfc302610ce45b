/**
 * What happens to the data of a resource when a stage change removes, replaces or re-creates it: the
 * one definition the data-safety checks, `wa-stages diff` and the report all use.
 */

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

/** A template resource, as far as the fate of its data depends on it. */
export interface DataResource {
  readonly Type: string;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
  readonly Properties?: Record<string, unknown>;
}

/**
 * Whether the resource itself holds data. An Aurora or DocumentDB cluster member is compute: the data
 * lives in its cluster's volume, so removing the member loses nothing.
 */
export function holdsData(resource: DataResource): boolean {
  if (!STATEFUL_TYPES.includes(resource.Type)) return false;
  return !(resource.Type === 'AWS::RDS::DBInstance' && resource.Properties?.DBClusterIdentifier !== undefined);
}

/**
 * Where the data goes: kept in the account as it is (`retained`), kept as a final snapshot
 * (`snapshot`), deleted with the resource (`deleted`), or, for a store a step brings back, not there at
 * all: CloudFormation creates it new and `empty`.
 */
export type DataFate = 'retained' | 'snapshot' | 'deleted' | 'empty';

/** Policies under which CloudFormation leaves the data behind when it removes or replaces a resource. */
export const KEEPS_DATA: ReadonlySet<string> = new Set(['Retain', 'RetainExceptOnCreate', 'Snapshot']);

/** The fate of the data under a CloudFormation policy (`DeletionPolicy` on removal, `UpdateReplacePolicy` on replacement). */
export function fateUnder(policy: string | undefined): Exclude<DataFate, 'empty'> {
  if (policy === 'Retain' || policy === 'RetainExceptOnCreate') return 'retained';
  if (policy === 'Snapshot') return 'snapshot';
  return 'deleted';
}

/** What a step does to a data store: removes it, replaces it, or brings back one an earlier step retired. */
export type DataChange = 'removed' | 'replaced' | 'recreated';

/**
 * One sentence an attendee can act on. For a re-created store, `policy` is the DeletionPolicy under
 * which the step that retired it left its data behind.
 */
export function explainFate(change: DataChange, fate: DataFate, policy?: string): string {
  if (change === 'recreated') {
    const kept = fateUnder(policy);
    const where =
      kept === 'retained'
        ? 'the copy retired by a later stage is still in the account with its data, outside the stack; import it (cdk import) instead of starting empty'
        : kept === 'snapshot'
          ? 'the data of the copy retired by a later stage is in its final snapshot; restore from it to get the data back'
          : 'the copy retired by a later stage was deleted with its data';
    return `comes back as a new, empty resource: ${where}`;
  }
  if (change === 'removed') {
    if (fate === 'retained') return 'leaves the stack but is kept with its data (DeletionPolicy Retain); it keeps billing until you delete it by hand';
    if (fate === 'snapshot') return 'is deleted after a final snapshot (DeletionPolicy Snapshot); restore from the snapshot to read the data';
    return 'is deleted with its data';
  }
  if (fate === 'retained') return 'is replaced by a new, empty resource; the old one is kept with its data (UpdateReplacePolicy Retain) but no longer used';
  if (fate === 'snapshot') return 'is replaced by a new, empty resource after a snapshot of the old one';
  return 'is replaced by a new, empty resource and the old one is deleted with its data';
}
