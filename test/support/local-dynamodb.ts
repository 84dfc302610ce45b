import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import type { AddressInfo } from 'node:net';
import { REALTIME_KEYS } from '../../lib/runtime/telemetry/realtime-item';

/** An in-memory DynamoDB (dynalite) on a free loopback port, and a client for it. */
export interface LocalDynamoDb {
  readonly endpoint: string;
  readonly client: DynamoDBClient;
  /** Creates a table with the real-time table's key schema. */
  createRealtimeTable(name: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startLocalDynamoDb(): Promise<LocalDynamoDb> {
  const server = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new DynamoDBClient({ endpoint });
  return {
    endpoint,
    client,
    createRealtimeTable: async (name) => {
      await client.send(
        new CreateTableCommand({
          TableName: name,
          KeySchema: [
            { AttributeName: REALTIME_KEYS.partition, KeyType: 'HASH' },
            { AttributeName: REALTIME_KEYS.sort, KeyType: 'RANGE' },
          ],
          AttributeDefinitions: [
            { AttributeName: REALTIME_KEYS.partition, AttributeType: 'S' },
            { AttributeName: REALTIME_KEYS.sort, AttributeType: 'N' },
          ],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
    },
    stop: async () => {
      client.destroy();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
