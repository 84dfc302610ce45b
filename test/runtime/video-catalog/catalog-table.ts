import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { BY_CREATED_AT_INDEX, CREATED_AT_ATTRIBUTE, ID_ATTRIBUTE, LISTING_ATTRIBUTE } from '../../../lib/runtime/video-catalog/catalog-table-schema';
import type { LocalDynamoDb } from '../../support/local-dynamodb';

/** Creates a table with the catalog table's keys and index, as lib/constructs/video-catalog.ts does. */
export async function createCatalogTable(db: LocalDynamoDb, name: string): Promise<void> {
  await db.client.send(
    new CreateTableCommand({
      TableName: name,
      KeySchema: [{ AttributeName: ID_ATTRIBUTE, KeyType: 'HASH' }],
      AttributeDefinitions: [
        { AttributeName: ID_ATTRIBUTE, AttributeType: 'S' },
        { AttributeName: LISTING_ATTRIBUTE, AttributeType: 'S' },
        { AttributeName: CREATED_AT_ATTRIBUTE, AttributeType: 'S' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: BY_CREATED_AT_INDEX,
          KeySchema: [{ AttributeName: LISTING_ATTRIBUTE, KeyType: 'HASH' }, { AttributeName: CREATED_AT_ATTRIBUTE, KeyType: 'RANGE' }],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}
