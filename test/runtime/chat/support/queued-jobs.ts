import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { AwsStub } from 'aws-sdk-client-mock';
import type { FanOutJob } from '../../../../lib/runtime/chat/fan-out-job';

type SqsMock = AwsStub<any, any, SQSClient['config']>;

/** Every fan-out job the runtime sent to the queue, decoded, with the delay it asked for. */
export function queuedJobs(sqs: SqsMock): Array<{ job: FanOutJob; delaySeconds: number }> {
  return sqs.commandCalls(SendMessageBatchCommand).flatMap((call) =>
    (call.args[0].input.Entries ?? []).map((entry) => ({ job: JSON.parse(entry.MessageBody!) as FanOutJob, delaySeconds: entry.DelaySeconds ?? 0 })),
  );
}
