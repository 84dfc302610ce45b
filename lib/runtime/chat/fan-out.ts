/**
 * The fan-out worker, fed by the fan-out queue. A `broadcast` job reads the connections table a page
 * at a time and queues `deliver` jobs of FAN_OUT_BATCH_SIZE connections each; a `deliver` job posts its
 * frame to its connections, POSTS_IN_FLIGHT at a time across the whole batch of jobs. A connection
 * that is gone (410) loses its row; one whose post failed otherwise (throttled, timed out, a 5xx) is
 * queued again, a little later, up to DELIVERY_ATTEMPTS times in all. So a message reaches every
 * connection however many there are: no invocation does more than a bounded amount of work.
 *
 * Env: TABLE_NAME, FAN_OUT_QUEUE_URL, CALLBACK_URL (required; the stage's https callback URL);
 *      FAN_OUT_BATCH_SIZE (default 100), POSTS_IN_FLIGHT (default 50), DELIVERY_ATTEMPTS (default 3).
 * IAM: dynamodb:Scan and DeleteItem on the connections table, sqs:SendMessage on the queue,
 *      execute-api:ManageConnections on the stage.
 */
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { positiveIntegerEnv, requireEnv } from '../shared/env';
import { describeError } from '../shared/error-fields';
import { log } from '../shared/json-logger';
import { createLimiter } from './bounded-concurrency';
import { broadcast, type PostRunner } from './broadcast';
import { connectionIdPages } from './connections';
import { deliverJobs, parseFanOutJob, type BroadcastJob, type DeliverJob } from './fan-out-job';
import { enqueueJobs } from './fan-out-queue';
import { managementClient } from './management-api';

export const DEFAULT_FAN_OUT_BATCH_SIZE = 100;
export const DEFAULT_POSTS_IN_FLIGHT = 50;
export const DEFAULT_DELIVERY_ATTEMPTS = 3;

// Read at cold start: a malformed value fails init with a clear message.
const callbackUrl = requireEnv('CALLBACK_URL');
const batchSize = positiveIntegerEnv('FAN_OUT_BATCH_SIZE', DEFAULT_FAN_OUT_BATCH_SIZE);
const postsInFlight = positiveIntegerEnv('POSTS_IN_FLIGHT', DEFAULT_POSTS_IN_FLIGHT);
const deliveryAttempts = positiveIntegerEnv('DELIVERY_ATTEMPTS', DEFAULT_DELIVERY_ATTEMPTS);

/** Seconds before a failed post is tried again: 2, 4, 8, ... */
export const retryDelaySeconds = (attempt: number): number => Math.min(2 ** attempt, 900);

export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const runPost = createLimiter(postsInFlight);
  const outcomes = await Promise.all(event.Records.map((record) => processRecord(record, runPost)));
  return { batchItemFailures: event.Records.filter((_, index) => !outcomes[index]).map((record) => ({ itemIdentifier: record.messageId })) };
}

/**
 * True when the job is done (or can never be done: a malformed body is logged and dropped). False
 * hands the message back to SQS, which delivers it again and, after the queue's receive limit,
 * moves it to the dead-letter queue.
 */
async function processRecord(record: SQSRecord, runPost: PostRunner): Promise<boolean> {
  let job;
  try {
    job = parseFanOutJob(record.body);
  } catch (error) {
    log.error('chat.fan_out_job_invalid', { sqsMessageId: record.messageId, ...describeError(error) });
    return false;
  }
  try {
    if (job.kind === 'broadcast') await split(job);
    else await deliver(job, runPost);
    return true;
  } catch (error) {
    log.error('chat.fan_out_job_failed', { kind: job.kind, messageId: job.messageId, ...describeError(error) });
    return false;
  }
}

async function split(job: BroadcastJob): Promise<void> {
  let connections = 0;
  let jobs = 0;
  for await (const ids of connectionIdPages()) {
    const batches = deliverJobs(job, ids, batchSize);
    await enqueueJobs(batches);
    connections += ids.length;
    jobs += batches.length;
  }
  log.info('chat.fan_out_split', { messageId: job.messageId, connections, deliverJobs: jobs });
}

async function deliver(job: DeliverJob, runPost: PostRunner): Promise<void> {
  const { failedIds, ...summary } = await broadcast(managementClient(callbackUrl), job.connectionIds, job.frame, runPost);
  const retry = failedIds.length > 0 && job.attempt < deliveryAttempts;
  if (retry) await enqueueJobs(deliverJobs(job, failedIds, batchSize, job.attempt + 1), retryDelaySeconds(job.attempt));
  log.info('chat.fan_out_delivered', { messageId: job.messageId, attempt: job.attempt, ...summary, retried: retry ? failedIds.length : 0 });
  if (failedIds.length > 0 && !retry) {
    log.error('chat.delivery_abandoned', { messageId: job.messageId, connections: failedIds.length, attempts: job.attempt });
  }
}
