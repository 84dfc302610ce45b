import { TEST_QUEUE_URL } from './support/chat-env';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import type { FanOutJob } from '../../../lib/runtime/chat/fan-out-job';
import { enqueueJobs } from '../../../lib/runtime/chat/fan-out-queue';

const sqs = mockClient(SQSClient);
const job = (n: number): FanOutJob => ({ kind: 'deliver', messageId: `m${n}`, frame: 'f', connectionIds: ['a='], attempt: 1 });

beforeEach(() => {
  sqs.reset();
  sqs.on(SendMessageBatchCommand).resolves({});
});

test('sends jobs ten to a call, to the queue, with the delay asked for', async () => {
  await enqueueJobs(Array.from({ length: 23 }, (_, n) => job(n)), 4);

  const calls = sqs.commandCalls(SendMessageBatchCommand).map((call) => call.args[0].input);
  expect(calls.map((input) => input.Entries!.length)).toEqual([10, 10, 3]);
  expect(calls.every((input) => input.QueueUrl === TEST_QUEUE_URL)).toBe(true);
  expect(calls.flatMap((input) => input.Entries!.map((e) => JSON.parse(e.MessageBody!).messageId))).toEqual(Array.from({ length: 23 }, (_, n) => `m${n}`));
  expect(calls.flatMap((input) => input.Entries!.map((e) => e.DelaySeconds))).toEqual(Array(23).fill(4));
});

test('resends only the entries SQS refused', async () => {
  sqs
    .on(SendMessageBatchCommand)
    .resolvesOnce({ Failed: [{ Id: '1', Code: 'ThrottlingException', SenderFault: false }] })
    .resolves({});

  await enqueueJobs([job(0), job(1), job(2)]);

  const calls = sqs.commandCalls(SendMessageBatchCommand).map((call) => call.args[0].input.Entries!.map((e) => JSON.parse(e.MessageBody!).messageId));
  expect(calls).toEqual([['m0', 'm1', 'm2'], ['m1']]);
});

test('fails once an entry is still refused after three resends', async () => {
  sqs.on(SendMessageBatchCommand).resolves({ Failed: [{ Id: '0', Code: 'InternalError', SenderFault: false }] });

  await expect(enqueueJobs([job(0)])).rejects.toThrow('SQS refused 1 fan-out job(s) after 3 resends (InternalError)');
  expect(sqs.commandCalls(SendMessageBatchCommand)).toHaveLength(4);
});
