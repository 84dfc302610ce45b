/**
 * Access to the chat connections table (one row per open WebSocket connection).
 * The table name comes from TABLE_NAME and is checked at cold start, so a missing
 * setting fails the function's init with a clear message instead of every request.
 * DYNAMODB_ENDPOINT (local runs and the benchmark only) points the client at dynalite.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  PutCommand,
  ScanCommand,
  type ScanCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { optionalEnv, requireEnv } from '../shared/env';
import { CONNECTION_ID_ATTRIBUTE, TTL_ATTRIBUTE, type ConnectionItem } from './connection-table-schema';

const tableName = requireEnv('TABLE_NAME');
// Local runs and the benchmark only (dynalite); unset in AWS so the SDK picks the regional endpoint.
const endpoint = optionalEnv('DYNAMODB_ENDPOINT');

// Module scope: reused across invocations of a warm execution environment.
const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient(endpoint ? { endpoint } : {}));

/** Records a new connection; `expiresAt` is epoch seconds for DynamoDB TTL. */
export async function putConnection(connectionId: string, connectedAt: Date, expiresAt: number): Promise<void> {
  const item: ConnectionItem = {
    [CONNECTION_ID_ATTRIBUTE]: connectionId,
    connectedAt: connectedAt.toISOString(),
    [TTL_ATTRIBUTE]: expiresAt,
  };
  await documentClient.send(new PutCommand({ TableName: tableName, Item: item }));
}

/** Removes a connection; deleting an id that is already gone is not an error. */
export async function deleteConnection(connectionId: string): Promise<void> {
  await documentClient.send(
    new DeleteCommand({ TableName: tableName, Key: { [CONNECTION_ID_ATTRIBUTE]: connectionId } }),
  );
}

/**
 * Every connection id in the table, one Scan page at a time, so a caller can hand each page on
 * before reading the next instead of holding the whole table.
 */
export async function* connectionIdPages(): AsyncGenerator<string[]> {
  let startKey: ScanCommandOutput['LastEvaluatedKey'];
  do {
    const page: ScanCommandOutput = await documentClient.send(
      new ScanCommand({
        TableName: tableName,
        ProjectionExpression: CONNECTION_ID_ATTRIBUTE,
        ExclusiveStartKey: startKey,
      }),
    );
    const ids: string[] = [];
    for (const item of page.Items ?? []) {
      const id: unknown = item[CONNECTION_ID_ATTRIBUTE];
      if (typeof id === 'string') ids.push(id);
    }
    yield ids;
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
}
