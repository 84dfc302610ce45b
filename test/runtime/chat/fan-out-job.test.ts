import { deliverJobs, parseFanOutJob } from '../../../lib/runtime/chat/fan-out-job';

test('jobs round-trip through their JSON bodies', () => {
  const broadcast = { kind: 'broadcast', messageId: 'm', frame: '{}' } as const;
  const deliver = { kind: 'deliver', messageId: 'm', frame: '{}', connectionIds: ['a='], attempt: 2 } as const;
  expect(parseFanOutJob(JSON.stringify(broadcast))).toEqual(broadcast);
  expect(parseFanOutJob(JSON.stringify(deliver))).toEqual(deliver);
});

test.each([
  ['not JSON', 'nope', /not JSON/],
  ['an array', '[]', /not a JSON object/],
  ['no frame', '{"kind":"broadcast","messageId":"m"}', /messageId and frame/],
  ['an unknown kind', '{"kind":"shout","messageId":"m","frame":"f"}', /kind must be/],
  ['no connections', '{"kind":"deliver","messageId":"m","frame":"f","connectionIds":[],"attempt":1}', /non-empty list/],
  ['a non-string connection', '{"kind":"deliver","messageId":"m","frame":"f","connectionIds":[1],"attempt":1}', /non-empty list/],
  ['attempt zero', '{"kind":"deliver","messageId":"m","frame":"f","connectionIds":["a"],"attempt":0}', /positive attempt/],
])('%s is refused with a one-line reason', (_name, body, reason) => {
  expect(() => parseFanOutJob(body)).toThrow(reason);
});

test('deliver jobs split the connections in order, none larger than the batch size', () => {
  const ids = Array.from({ length: 7 }, (_, index) => `c${index}`);
  const jobs = deliverJobs({ messageId: 'm', frame: 'f' }, ids, 3, 2);
  expect(jobs.map((job) => job.connectionIds)).toEqual([['c0', 'c1', 'c2'], ['c3', 'c4', 'c5'], ['c6']]);
  expect(jobs.every((job) => job.attempt === 2)).toBe(true);
  expect(deliverJobs({ messageId: 'm', frame: 'f' }, [], 3)).toEqual([]);
  expect(() => deliverJobs({ messageId: 'm', frame: 'f' }, ids, 0)).toThrow(RangeError);
});
