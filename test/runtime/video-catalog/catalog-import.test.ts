import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendCfnResponse } from '../../../lib/runtime/video-catalog/cfn-response';
import { importHandler, PHYSICAL_RESOURCE_ID } from '../../../lib/runtime/video-catalog/catalog-import';
import { DynamoDbCatalog } from '../../../lib/runtime/video-catalog/dynamodb-catalog';
import { importVideos } from '../../../lib/runtime/video-catalog/import-videos';
import type { VideoEntry } from '../../../lib/runtime/video-app/storage';
import { captureLogs } from '../../support/captured-logs';
import { startLocalDynamoDb, type LocalDynamoDb } from '../../support/local-dynamodb';
import { createCatalogTable } from './catalog-table';

let db: LocalDynamoDb;
let catalog: DynamoDbCatalog;
let cloudFormation: Server;
let responseUrl: string;
const responses: Array<{ contentType: string | undefined; body: Record<string, unknown> }> = [];
let logs: ReturnType<typeof captureLogs>;
let tableNumber = 0;

const entry = (n: number): VideoEntry => ({ id: `video-${n}`, title: `Video ${n}`, key: `v${n}/index.m3u8`, createdAt: new Date(Date.UTC(2024, 0, 1, 0, n)).toISOString() });
async function* from(entries: VideoEntry[]): AsyncGenerator<VideoEntry> {
  yield* entries;
}
const cfnEvent = (RequestType: 'Create' | 'Update' | 'Delete'): CloudFormationCustomResourceEvent =>
  ({
    RequestType,
    ResponseURL: responseUrl,
    StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/VideoPlatform/1',
    RequestId: 'req-1',
    LogicalResourceId: 'VideoCatalogImport',
    ResourceType: 'Custom::VideoCatalogImport',
    ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:import',
    ResourceProperties: { ServiceToken: 'x' },
    ...(RequestType === 'Create' ? {} : { PhysicalResourceId: PHYSICAL_RESOURCE_ID, OldResourceProperties: {} }),
  }) as CloudFormationCustomResourceEvent;

beforeAll(async () => {
  db = await startLocalDynamoDb();
  cloudFormation = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      // A presigned URL that expired: S3 answers 403.
      if (req.url?.startsWith('/expired')) res.statusCode = 403;
      else responses.push({ contentType: req.headers['content-type'], body: JSON.parse(body) });
      res.end();
    });
  });
  await new Promise<void>((resolve) => cloudFormation.listen(0, '127.0.0.1', resolve));
  responseUrl = `http://127.0.0.1:${(cloudFormation.address() as AddressInfo).port}/presigned?X-Amz-Signature=abc`;
});
afterAll(async () => {
  await new Promise((resolve) => cloudFormation.close(resolve));
  await db.stop();
});
beforeEach(async () => {
  tableNumber += 1;
  await createCatalogTable(db, `catalog-import-${tableNumber}`);
  catalog = new DynamoDbCatalog(DynamoDBDocumentClient.from(db.client), `catalog-import-${tableNumber}`);
  responses.length = 0;
  logs = captureLogs();
});
afterEach(() => logs.restore());

test('copies every entry with its id and time; a re-run adds only what is missing and leaves newer entries alone', async () => {
  const documentDb = Array.from({ length: 300 }, (_, n) => entry(n));

  expect(await importVideos(from(documentDb.slice(0, 200)), catalog)).toEqual({ copied: 200, alreadyThere: 0 });
  const addedSince = await catalog.add({ title: 'Added on the new API', key: 'new/index.m3u8' });
  expect(await importVideos(from(documentDb), catalog)).toEqual({ copied: 100, alreadyThere: 200 });

  expect(await catalog.get('video-42')).toEqual(entry(42));
  const listed = await catalog.list();
  expect(listed).toHaveLength(301);
  expect(listed.slice(0, 300)).toEqual(documentDb);
  expect(listed[300]).toEqual(addedSince);
}, 30_000); // 300 writes to a local DynamoDB: 1.5 s alone, past Jest's 5 s default beside the full suite on two cores

test('Create copies the catalog and tells CloudFormation how many entries it copied', async () => {
  const handler = importHandler({ source: () => from([entry(1), entry(2)]), target: catalog, respond: sendCfnResponse });

  await handler(cfnEvent('Create'));

  expect(responses).toEqual([
    {
      contentType: '',
      body: {
        Status: 'SUCCESS',
        Reason: 'Copied 2 catalog entries from DocumentDB; 0 were already there',
        PhysicalResourceId: PHYSICAL_RESOURCE_ID,
        StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/VideoPlatform/1',
        RequestId: 'req-1',
        LogicalResourceId: 'VideoCatalogImport',
        Data: { Copied: 2, AlreadyThere: 0 },
      },
    },
  ]);
  expect(await catalog.get('video-2')).toEqual(entry(2));
});

test('a copy that fails answers FAILED with the reason, so the deploy rolls back with the video pool still serving', async () => {
  const failing = async function* (): AsyncGenerator<VideoEntry> {
    yield entry(1);
    throw new Error('connection to DocumentDB timed out');
  };
  const handler = importHandler({ source: failing, target: catalog, respond: sendCfnResponse });

  await handler(cfnEvent('Update'));

  expect(responses.map((r) => r.body.Status)).toEqual(['FAILED']);
  expect(responses[0]!.body.Reason).toBe('Copying the catalog from DocumentDB failed: connection to DocumentDB timed out');
  expect(responses[0]!.body.PhysicalResourceId).toBe(PHYSICAL_RESOURCE_ID);
  expect(logs.lines().join('\n')).toContain('catalog.import_failed');
});

test('Delete leaves the table as it is and answers SUCCESS', async () => {
  const source = jest.fn(() => from([entry(1)]));
  await importHandler({ source, target: catalog, respond: sendCfnResponse })(cfnEvent('Delete'));

  expect(source).not.toHaveBeenCalled();
  expect(responses.map((r) => r.body.Status)).toEqual(['SUCCESS']);
});

test('a response URL that refuses the answer is an error', async () => {
  const expired = { ...cfnEvent('Create'), ResponseURL: responseUrl.replace('/presigned', '/expired') } as CloudFormationCustomResourceEvent;
  await expect(sendCfnResponse(expired, { status: 'SUCCESS', reason: 'ok', physicalResourceId: 'x' })).rejects.toThrow('CloudFormation response was refused: HTTP 403');
});
