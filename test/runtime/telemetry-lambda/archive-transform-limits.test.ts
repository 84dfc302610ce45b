import type { FirehoseTransformationEvent } from 'aws-lambda';
import { SYNC_RESPONSE_LIMIT_BYTES, TRANSFORM_BUFFERING, TRANSFORM_WORST_EXPANSION } from '../../../lib/constructs/archive-delivery';
import { handler } from '../../../lib/runtime/telemetry-lambda/archive-transform';
import { MAX_READINGS_PER_RECORD } from '../../../lib/runtime/telemetry/reading';

/**
 * Firehose calls the archive transform synchronously, and Lambda returns at most 6 MB: a response
 * over it fails the whole batch into `archive-errors/`. The transform's rows are many times the
 * message, so the buffer Firehose fills before each call is sized from the worst expansion, measured
 * here through the real handler with Firehose's envelope (record ids as long as Firehose's).
 */
const METRIC_NAMES = [...'abcdefghijklmnopqrstuvwxyz'].flatMap((a) => [a, ...[...'abcdefghijklmnopqrstuvwxyz'].map((b) => a + b)]);
const NOW = Date.UTC(2026, 11, 4);

/** What the topic rule hands Firehose for one device message (the payload plus the rule's two fields). */
function ruleMessage(deviceIdLength: number, metrics: number, value = 0): string {
  const readings = Object.fromEntries(METRIC_NAMES.slice(0, metrics).map((name) => [name, value]));
  return JSON.stringify({ timestamp: NOW, readings, topicDeviceId: 'd'.repeat(deviceIdLength), receivedAt: NOW });
}

/** A full buffer of one message, as Firehose sends it, and the handler's response size. */
async function fullBuffer(message: string, bufferBytes: number) {
  const count = Math.floor(bufferBytes / Buffer.byteLength(message));
  const event: FirehoseTransformationEvent = {
    invocationId: '00540a87-5050-496a-84e4-e7d92bbaf5e2',
    deliveryStreamArn: 'arn:aws:firehose:us-east-1:111111111111:deliverystream/IotPlatform-ArchiveDeliveryStream-AbCdEfGhIjKl',
    region: 'us-east-1',
    records: Array.from({ length: count }, (_, i) => ({
      recordId: `49546986683135544286507457936321625675700192471156785154${String(i).padStart(8, '0')}`,
      approximateArrivalTimestamp: NOW,
      data: Buffer.from(message).toString('base64'),
    })),
  };
  const response = await handler(event);
  const responseBytes = Buffer.byteLength(JSON.stringify(response));
  return { response, responseBytes, expansion: responseBytes / (count * Buffer.byteLength(message)) };
}

// A fraction of a MiB, which Size will not turn into whole bytes itself.
const bufferBytes = Math.floor(TRANSFORM_BUFFERING.size.toMebibytes() * 1024 ** 2);

test('the worst message the validation accepts (128-character device id, 100 one-letter metrics valued 0) fills the buffer and the response still fits Lambda\'s 6 MB', async () => {
  const { response, responseBytes, expansion } = await fullBuffer(ruleMessage(128, MAX_READINGS_PER_RECORD), bufferBytes);
  expect(response.records.every((r) => r.result === 'Ok')).toBe(true);
  expect(responseBytes).toBeLessThanOrEqual(SYNC_RESPONSE_LIMIT_BYTES);
  expect(expansion).toBeLessThanOrEqual(TRANSFORM_WORST_EXPANSION);
});

test.each([
  [128, 1],
  [128, 26],
  [128, 50],
  [1, MAX_READINGS_PER_RECORD],
  [10, 3],
])('a %i-character device id with %i metrics expands less than the worst case', async (deviceIdLength, metrics) => {
  const { expansion } = await fullBuffer(ruleMessage(deviceIdLength, metrics), bufferBytes);
  expect(expansion).toBeLessThanOrEqual(TRANSFORM_WORST_EXPANSION);
});

test('the design volume (150-byte messages of 3 metrics) returns about 4 times its size, well under the limit', async () => {
  const message = JSON.stringify({ timestamp: NOW, readings: { temperature: 21.375, pressure: 1.0125, humidity: 48.25 }, topicDeviceId: 'pump-000123', receivedAt: NOW });
  expect(Buffer.byteLength(message)).toBeGreaterThanOrEqual(140);
  const { responseBytes, expansion } = await fullBuffer(message, bufferBytes);
  expect(expansion).toBeLessThan(5);
  expect(responseBytes).toBeLessThan(SYNC_RESPONSE_LIMIT_BYTES / 4);
});
