import type { FirehoseTransformationEvent } from 'aws-lambda';
import { handler } from '../../../lib/runtime/telemetry-lambda/archive-transform';
import { captureLogs } from '../../support/captured-logs';

/** A Firehose transformation event carrying what the topic rule sends for each payload. */
function firehoseEvent(messages: Array<{ topicDeviceId: string; payload: unknown } | string>): FirehoseTransformationEvent {
  return {
    invocationId: 'invocation-1',
    deliveryStreamArn: 'arn:aws:firehose:us-east-1:111111111111:deliverystream/archive',
    region: 'us-east-1',
    records: messages.map((m, i) => ({
      recordId: `record-${i}`,
      approximateArrivalTimestamp: Date.now(),
      data: Buffer.from(typeof m === 'string' ? m : JSON.stringify({ ...(m.payload as object), topicDeviceId: m.topicDeviceId, receivedAt: Date.now() })).toString('base64'),
    })),
  };
}

const decode = (data: string) => Buffer.from(data, 'base64').toString('utf8');

test('each message becomes one JSON document per metric in the archive columns, keyed by the UTC day of its readings', async () => {
  const logs = captureLogs();
  try {
    const { records } = await handler(
      firehoseEvent([
        { topicDeviceId: 'pump-1', payload: { timestamp: '2026-02-28T23:59:59.999-01:00', readings: { temperature: 21.5, pressure: 1.25 } } },
        { topicDeviceId: 'pump-2', payload: { deviceId: 'pump-2', timestamp: Date.UTC(2026, 1, 28, 10), readings: { temperature: -4 } } },
      ]),
    );
    expect(records).toEqual([
      {
        recordId: 'record-0',
        result: 'Ok',
        data: expect.any(String),
        metadata: { partitionKeys: { dt: '2026-03-01' } },
      },
      { recordId: 'record-1', result: 'Ok', data: expect.any(String), metadata: { partitionKeys: { dt: '2026-02-28' } } },
    ]);
    expect(decode(records[0].data!)).toBe(
      '{"d":"pump-1","t":"2026-03-01 00:59:59.999","m":"temperature","v":21.5}\n' +
        '{"d":"pump-1","t":"2026-03-01 00:59:59.999","m":"pressure","v":1.25}\n',
    );
    expect(decode(records[1].data!)).toBe('{"d":"pump-2","t":"2026-02-28 10:00:00.000","m":"temperature","v":-4}\n');
    expect(logs.lines()).toEqual([]);
  } finally {
    logs.restore();
  }
});

test('drops what the ingest function would reject, keeps the rest, and logs one line for the batch', async () => {
  const logs = captureLogs();
  try {
    const { records } = await handler(
      firehoseEvent([
        'not json',
        { topicDeviceId: 'pump-1', payload: { deviceId: 'pump-9', timestamp: Date.UTC(2026, 1, 28), readings: { temperature: 1 } } },
        { topicDeviceId: 'pump-1', payload: { timestamp: Date.UTC(2026, 1, 28), readings: { 'Bad Metric': 1 } } },
        { topicDeviceId: 'pump-1', payload: { timestamp: Date.UTC(2026, 1, 28), readings: { temperature: 2 } } },
      ]),
    );
    expect(records.map((r) => r.result)).toEqual(['Dropped', 'Dropped', 'Dropped', 'Ok']);
    expect(records.map((r) => r.recordId)).toEqual(['record-0', 'record-1', 'record-2', 'record-3']);
    expect(logs.entries()).toEqual([expect.objectContaining({ event: 'telemetry.archive_dropped', records: 4, dropped: 3 })]);
  } finally {
    logs.restore();
  }
});
