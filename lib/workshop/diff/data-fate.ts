import { STATEFUL_TYPES } from '../../evolution/data-safety';

/** What happens to the data of a stateful resource the step removes or replaces. */
export type DataFate = 'retained' | 'snapshot' | 'deleted';

/** Whether a resource type holds data (or the keys and credentials needed to read it). */
export function isStateful(type: string): boolean {
  return STATEFUL_TYPES.includes(type);
}

/** The fate of the data under a CloudFormation policy (`DeletionPolicy` on removal, `UpdateReplacePolicy` on replacement). */
export function fateUnder(policy: string | undefined): DataFate {
  if (policy === 'Retain' || policy === 'RetainExceptOnCreate') return 'retained';
  if (policy === 'Snapshot') return 'snapshot';
  return 'deleted';
}

/** One sentence an attendee can act on. */
export function explainFate(change: 'removed' | 'replaced', fate: DataFate): string {
  if (change === 'removed') {
    if (fate === 'retained') return 'leaves the stack but is kept with its data (DeletionPolicy Retain); it keeps billing until you delete it by hand';
    if (fate === 'snapshot') return 'is deleted after a final snapshot (DeletionPolicy Snapshot); restore from the snapshot to read the data';
    return 'is deleted with its data';
  }
  if (fate === 'retained') return 'is replaced by a new, empty resource; the old one is kept with its data (UpdateReplacePolicy Retain) but no longer used';
  if (fate === 'snapshot') return 'is replaced by a new, empty resource after a snapshot of the old one';
  return 'is replaced by a new, empty resource and the old one is deleted with its data';
}
