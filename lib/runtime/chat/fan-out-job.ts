/**
 * The fan-out queue's messages. A `broadcast` job stands for one chat message to everyone: the worker
 * that takes it reads the connections table and splits it into `deliver` jobs of a bounded number of
 * connections each, which any number of workers then post in parallel. Pure functions; no I/O.
 */

/** Post this frame to every open connection. */
export interface BroadcastJob {
  readonly kind: 'broadcast';
  /** The chat message's id, for logs. */
  readonly messageId: string;
  readonly frame: string;
}

/** Post this frame to these connections; `attempt` counts deliveries of the same ids, from 1. */
export interface DeliverJob {
  readonly kind: 'deliver';
  readonly messageId: string;
  readonly frame: string;
  readonly connectionIds: readonly string[];
  readonly attempt: number;
}

export type FanOutJob = BroadcastJob | DeliverJob;

/** Parses a queue message body; throws with a one-line reason for anything that is not a job. */
export function parseFanOutJob(body: string): FanOutJob {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new Error('fan-out job is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('fan-out job is not a JSON object');
  const job = parsed as { kind?: unknown; messageId?: unknown; frame?: unknown; connectionIds?: unknown; attempt?: unknown };
  if (typeof job.messageId !== 'string' || typeof job.frame !== 'string') throw new Error('fan-out job needs a string messageId and frame');
  if (job.kind === 'broadcast') return { kind: 'broadcast', messageId: job.messageId, frame: job.frame };
  if (job.kind === 'deliver') {
    const ids = job.connectionIds;
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) throw new Error('deliver job needs a non-empty list of connection ids');
    if (!Number.isSafeInteger(job.attempt) || (job.attempt as number) < 1) throw new Error('deliver job needs a positive attempt number');
    return { kind: 'deliver', messageId: job.messageId, frame: job.frame, connectionIds: ids as string[], attempt: job.attempt as number };
  }
  throw new Error('fan-out job kind must be "broadcast" or "deliver"');
}

/** Splits connection ids into deliver jobs of at most `size` ids each. */
export function deliverJobs(broadcast: Pick<BroadcastJob, 'messageId' | 'frame'>, connectionIds: readonly string[], size: number, attempt = 1): DeliverJob[] {
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`batch size must be a positive integer, got ${size}`);
  const jobs: DeliverJob[] = [];
  for (let start = 0; start < connectionIds.length; start += size) {
    jobs.push({ kind: 'deliver', messageId: broadcast.messageId, frame: broadcast.frame, connectionIds: connectionIds.slice(start, start + size), attempt });
  }
  return jobs;
}
