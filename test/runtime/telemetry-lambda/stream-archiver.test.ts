import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { decodeArchive } from '../../../lib/runtime/telemetry/archive-format';
import type { RealtimeItem } from '../../../lib/runtime/telemetry/realtime-item';
import { captureLogs } from '../../support/captured-logs';
import { S3RVER_CREDENTIALS, startLocalS3, type LocalS3 } from '../../support/local-s3';
import { loadFresh } from './support/fresh-module';
import { imageOf, streamEvent, streamRecord } from './support/stream-records';

type ArchiverModule = typeof import('../../../lib/runtime/telemetry-lambda/stream-archiver');
const ARCHIVER_MODULE = require.resolve('../../../lib/runtime/telemetry-lambda/stream-archiver');
const BUCKET = 'telemetry-archive-test';

let s3: LocalS3;
let archive: ArchiverModule['handler'];
let logs: ReturnType<typeof captureLogs>;

const loadArchiver = (env: Record<string, string | undefined> = {}) =>
  loadFresh<ArchiverModule>(ARCHIVER_MODULE, {
    ARCHIVE_BUCKET: BUCKET,
    S3_ENDPOINT: s3.endpoint,
    AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    ...env,
  }).handler;

const item = (deviceId: string, iso: string, readings: Record<string, number>): RealtimeItem => {
  const ts = Date.parse(iso);
  return { deviceId, ts, readings, expiresAt: Math.floor(ts / 1000) + 7 * 86_400 };
};
const row = (deviceId: string, iso: string, metric: string, value: number) => ({ deviceId, ts: new Date(iso), metric, value });

/** Every object in the bucket, key → decoded rows. */
async function archiveContents(): Promise<Record<string, ReturnType<typeof decodeArchive>>> {
  const listing = await s3.client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  const contents: Record<string, ReturnType<typeof decodeArchive>> = {};
  for (const { Key } of listing.Contents ?? []) {
    const object = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key }));
    contents[Key!] = decodeArchive(Buffer.from(await object.Body!.transformToByteArray()));
  }
  return contents;
}

beforeAll(async () => {
  s3 = await startLocalS3();
  await s3.createBucket(BUCKET);
  archive = loadArchiver();
});
afterAll(() => s3.stop());
beforeEach(async () => {
  logs = captureLogs();
  const listing = await s3.client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  const keys = (listing.Contents ?? []).map(({ Key }) => ({ Key }));
  if (keys.length > 0) await s3.client.send(new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: keys } }));
});
afterEach(() => logs.restore());

const twoDays = streamEvent(
  streamRecord('INSERT', '100', item('sensor-1', '2025-03-01T23:59:59.999Z', { temperature: 21.5, humidity: 40 })),
  streamRecord('INSERT', '101', item('sensor-2', '2025-03-02T00:00:00.000Z', { temperature: -3 })),
  streamRecord('MODIFY', '102', item('sensor-1', '2025-03-01T12:00:00.000Z', { temperature: 19 })),
);

test('writes one object per UTC day holding exactly that day\'s rows, named after the batch', async () => {
  const summary = await archive(twoDays);

  const day1 = 'readings/dt=2025-03-01/stream-100-102.json.gz';
  const day2 = 'readings/dt=2025-03-02/stream-100-102.json.gz';
  expect(summary).toEqual({ records: 3, rows: 4, removed: 0, malformed: 0, keys: [day1, day2] });
  expect(await archiveContents()).toEqual({
    [day1]: [
      row('sensor-1', '2025-03-01T23:59:59.999Z', 'temperature', 21.5),
      row('sensor-1', '2025-03-01T23:59:59.999Z', 'humidity', 40),
      row('sensor-1', '2025-03-01T12:00:00.000Z', 'temperature', 19),
    ],
    [day2]: [row('sensor-2', '2025-03-02T00:00:00.000Z', 'temperature', -3)],
  });
});

test('ignores REMOVE records (TTL expiry): the archive already has their rows', async () => {
  const summary = await archive(
    streamEvent(
      streamRecord('REMOVE', '200', item('sensor-old', '2025-02-01T00:00:00Z', { temperature: 1 })),
      streamRecord('INSERT', '201', item('sensor-1', '2025-03-01T08:00:00Z', { temperature: 2 })),
    ),
  );

  expect(summary).toMatchObject({ records: 2, rows: 1, removed: 1, keys: ['readings/dt=2025-03-01/stream-200-201.json.gz'] });
  expect(Object.keys(await archiveContents())).toEqual(['readings/dt=2025-03-01/stream-200-201.json.gz']);
});

test('writes nothing for a batch of REMOVE records only', async () => {
  const summary = await archive(streamEvent(streamRecord('REMOVE', '300', item('sensor-old', '2025-02-01T00:00:00Z', { t: 1 }))));

  expect(summary).toEqual({ records: 1, rows: 0, removed: 1, malformed: 0, keys: [] });
  expect(await archiveContents()).toEqual({});
});

test('a retried batch overwrites its own objects: same keys, no duplicate rows', async () => {
  const first = await archive(twoDays);
  const firstContents = await archiveContents();

  const retry = await archive(twoDays);

  expect(retry.keys).toEqual(first.keys);
  expect(await archiveContents()).toEqual(firstContents);
  expect(Object.values(firstContents).flat()).toHaveLength(4);
});

test('skips and logs an image that is not a real-time item, archiving the rest', async () => {
  const broken = streamRecord('INSERT', '401', item('sensor-2', '2025-03-01T09:00:00Z', { t: 1 }));
  broken.dynamodb!.NewImage = imageOf({ deviceId: 'sensor-2', ts: 'yesterday' });

  const summary = await archive(streamEvent(streamRecord('INSERT', '400', item('sensor-1', '2025-03-01T08:00:00Z', { t: 2 })), broken));

  expect(summary).toMatchObject({ rows: 1, malformed: 1 });
  expect(logs.entries()).toContainEqual(expect.objectContaining({ level: 'error', event: 'telemetry.archive_item_malformed', sequenceNumber: '401' }));
});

test('throws on an INSERT without NewImage: the stream is not configured to send images', async () => {
  const keysOnly = streamRecord('INSERT', '500', item('sensor-1', '2025-03-01T08:00:00Z', { t: 2 }));
  delete keysOnly.dynamodb!.NewImage;

  await expect(archive(streamEvent(keysOnly))).rejects.toThrow(/NEW_IMAGE or NEW_AND_OLD_IMAGES/);
});

test('throws (so the batch is retried) and logs when S3 fails', async () => {
  const archiveToMissingBucket = loadArchiver({ ARCHIVE_BUCKET: 'no-such-bucket' });

  await expect(archiveToMissingBucket(twoDays)).rejects.toMatchObject({ name: 'NoSuchBucket' });
  expect(logs.entries().filter((entry) => entry.event === 'telemetry.archive_put_failed')).toHaveLength(2);
});
