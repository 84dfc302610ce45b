import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { StorageUnavailableError } from '../../../lib/runtime/shared/storage-unavailable';
import { DynamoDbStore } from '../../../lib/runtime/telemetry-collector/dynamodb-store';
import { storeContract } from './store-contract';

const TABLE = 'telemetry-realtime';

function documentClient(port: number): { raw: DynamoDBClient; documents: DynamoDBDocumentClient } {
  const raw = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  return { raw, documents: DynamoDBDocumentClient.from(raw) };
}

describe('DynamoDbStore on dynalite', () => {
  const server = dynalite({ createTableMs: 0 });
  let client: ReturnType<typeof documentClient>;
  let store: DynamoDbStore;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = documentClient((server.address() as AddressInfo).port);
    // The table as the CDK stack defines it: deviceId (S) partition key, ts (N) sort key.
    await client.raw.send(
      new CreateTableCommand({
        TableName: TABLE,
        AttributeDefinitions: [
          { AttributeName: 'deviceId', AttributeType: 'S' },
          { AttributeName: 'ts', AttributeType: 'N' },
        ],
        KeySchema: [
          { AttributeName: 'deviceId', KeyType: 'HASH' },
          { AttributeName: 'ts', KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    store = new DynamoDbStore({ client: client.documents, tableName: TABLE, hotWindowDays: 7 });
  });
  afterAll(async () => {
    client.raw.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  storeContract(() => store);

  test('stores one item per device and moment in the shared real-time format, expiring after the hot window', async () => {
    const ts = new Date('2026-11-26T10:00:00.500Z');
    await store.write([
      { deviceId: 'item-1', ts, metric: 'temp', value: 21.5 },
      { deviceId: 'item-1', ts, metric: 'rpm', value: 3000 },
    ]);
    const { Item } = await client.documents.send(new GetCommand({ TableName: TABLE, Key: { deviceId: 'item-1', ts: ts.getTime() } }));
    expect(Item).toEqual({ deviceId: 'item-1', ts: ts.getTime(), readings: { temp: 21.5, rpm: 3000 }, expiresAt: Math.floor(ts.getTime() / 1000) + 7 * 86_400 });
  });

  test('a later record for the same device and moment replaces the item (BatchWriteItem puts whole items)', async () => {
    // PostgreSQL would keep both metrics; devices send each moment once, so only a resend of a
    // record with different metrics tells the stores apart.
    const ts = new Date('2026-11-26T10:00:00Z');
    await store.write([{ deviceId: 'replace-1', ts, metric: 'temp', value: 1 }]);
    await store.write([{ deviceId: 'replace-1', ts, metric: 'rpm', value: 2 }]);
    expect((await store.latest('replace-1')).map((r) => r.metric)).toEqual(['rpm']);
  });

  test('writes a batch larger than one BatchWriteItem (25 items); stats fold the window page by page, never holding more than a page', async () => {
    const start = Date.UTC(2026, 10, 26, 0, 0, 0);
    const rows = Array.from({ length: 260 }, (_, i) => ({ deviceId: 'bulk-1', ts: new Date(start + i * 1000), metric: 'temp', value: i }));
    await store.write(rows);
    const pages: number[] = [];
    const watching = {
      send: async (command: Parameters<typeof client.documents.send>[0]) => {
        const output = (await client.documents.send(command as never)) as { Items?: unknown[] };
        pages.push(output.Items?.length ?? 0);
        return output;
      },
    };
    const paged = new DynamoDbStore({ client: watching as never, tableName: TABLE, hotWindowDays: 7, statsPageSize: 50 });
    expect(await paged.stats('bulk-1', new Date(start), new Date(start + 259_000))).toEqual({ temp: { count: 260, min: 0, max: 259, mean: 129.5 } });
    expect(Math.max(...pages)).toBe(50);
    expect(pages.reduce((a, b) => a + b, 0)).toBe(260);
  });

  test('a missing table is an error, not an outage', async () => {
    const missing = new DynamoDbStore({ client: client.documents, tableName: 'no-such-table', hotWindowDays: 7 });
    const failure = missing.latest('x');
    await expect(failure).rejects.toThrow();
    await expect(failure).rejects.not.toBeInstanceOf(StorageUnavailableError);
  });

  test('an unreachable endpoint is StorageUnavailableError', async () => {
    const unreachable = documentClient(1);
    const down = new DynamoDbStore({ client: unreachable.documents, tableName: TABLE, hotWindowDays: 7 });
    await expect(down.ping()).rejects.toBeInstanceOf(StorageUnavailableError);
    unreachable.raw.destroy();
  });
});
