/**
 * Writes to the real-time table (item format in ../telemetry/realtime-item).
 *
 * Env: TABLE_NAME (required); DYNAMODB_ENDPOINT (tests and local runs only, e.g. dynalite;
 * unset in AWS so the SDK picks the regional endpoint). Both are read at cold start.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { optionalEnv, requireEnv } from '../shared/env';
import type { RealtimeItem } from '../telemetry/realtime-item';

const tableName = requireEnv('TABLE_NAME');
const endpoint = optionalEnv('DYNAMODB_ENDPOINT');

// Module scope: reused across invocations of a warm execution environment.
const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient(endpoint ? { endpoint } : {}));

/**
 * Stores one item, replacing any item with the same device and moment. Writing the same item again
 * (a retried invocation, an MQTT redelivery) changes nothing, and DynamoDB Streams emits no record
 * for a write that changes nothing. Rejects with the SDK's error.
 */
export async function putRealtimeItem(item: RealtimeItem): Promise<void> {
  await documentClient.send(new PutCommand({ TableName: tableName, Item: item }));
}
