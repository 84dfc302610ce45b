/**
 * Sending fan-out jobs to the queue.
 *
 * Env: FAN_OUT_QUEUE_URL (required); SQS_ENDPOINT (local runs and the benchmark only). Read at cold start.
 */
import { SendMessageBatchCommand, SQSClient, type SendMessageBatchRequestEntry } from '@aws-sdk/client-sqs';
import { optionalEnv, requireEnv } from '../shared/env';
import type { FanOutJob } from './fan-out-job';

const queueUrl = requireEnv('FAN_OUT_QUEUE_URL');
const endpoint = optionalEnv('SQS_ENDPOINT');

// Module scope: reused across invocations of a warm execution environment.
const sqs = new SQSClient(endpoint ? { endpoint } : {});

/** SendMessageBatch takes at most 10 entries. */
const ENTRIES_PER_CALL = 10;
/** Entries SQS refuses (throttling, an internal error) are sent again this many times before the send fails. */
const RESENDS = 3;

/**
 * Sends every job, `delaySeconds` late (0-900). Resolves once SQS has accepted all of them; rejects
 * when some were still refused after {@link RESENDS} resends, or the call itself fails.
 */
export async function enqueueJobs(jobs: readonly FanOutJob[], delaySeconds = 0): Promise<void> {
  for (let start = 0; start < jobs.length; start += ENTRIES_PER_CALL) {
    let entries: SendMessageBatchRequestEntry[] = jobs
      .slice(start, start + ENTRIES_PER_CALL)
      .map((job, index) => ({ Id: String(index), MessageBody: JSON.stringify(job), DelaySeconds: delaySeconds || undefined }));
    for (let attempt = 0; entries.length > 0; attempt += 1) {
      const result = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
      const refused = new Set((result.Failed ?? []).map((failure) => failure.Id));
      entries = entries.filter((entry) => refused.has(entry.Id));
      if (entries.length > 0 && attempt >= RESENDS) {
        const codes = (result.Failed ?? []).map((failure) => failure.Code).join(', ');
        throw new Error(`SQS refused ${entries.length} fan-out job(s) after ${RESENDS} resends (${codes})`);
      }
    }
  }
}
