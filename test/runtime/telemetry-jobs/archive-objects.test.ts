import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { archiveObjectsOfDay } from '../../../lib/runtime/telemetry-jobs/archive-objects';

// s3rver cannot return a second page on Node.js 17+ (its continuation tokens use DES), so paging is checked here.
const s3 = mockClient(S3Client);
afterEach(() => s3.reset());

test('lists every page of a day\'s partition, archive objects only', async () => {
  const prefix = 'readings/dt=2026-02-28/';
  s3.on(ListObjectsV2Command, { Bucket: 'archive', Prefix: prefix, ContinuationToken: undefined }).resolves({
    IsTruncated: true,
    NextContinuationToken: 'page-2',
    Contents: [{ Key: prefix, Size: 0 }, { Key: `${prefix}a.parquet`, Size: 10 }, { Key: `${prefix}old.json.gz`, Size: 10 }],
  });
  s3.on(ListObjectsV2Command, { Bucket: 'archive', Prefix: prefix, ContinuationToken: 'page-2' }).resolves({
    IsTruncated: false,
    Contents: [{ Key: `${prefix}b.parquet`, Size: 20 }],
  });

  await expect(archiveObjectsOfDay(new S3Client({ region: 'us-east-1' }), 'archive', '2026-02-28')).resolves.toEqual([
    { key: `${prefix}a.parquet`, size: 10 },
    { key: `${prefix}b.parquet`, size: 20 },
  ]);
  expect(s3.commandCalls(ListObjectsV2Command)).toHaveLength(2);
});
