/**
 * The catalog API behind the platform's HTTP API (see catalog-routes.ts): list, read and add videos,
 * with the video pool's validation and answers.
 *
 * Env: CATALOG_TABLE_NAME (required); DYNAMODB_ENDPOINT (tests and local runs only). Read at cold start.
 * IAM: dynamodb:Query (on the table's indexes), GetItem and PutItem on the catalog table.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { optionalEnv, requireEnv } from '../shared/env';
import { describeError } from '../shared/error-fields';
import { HttpError } from '../shared/http-helpers';
import { log } from '../shared/json-logger';
import type { VideoCatalog } from '../video-app/storage';
import { parseNewVideo } from '../video-app/video-input';
import { CATALOG_ROUTES } from './catalog-routes';
import { DynamoDbCatalog } from './dynamodb-catalog';

/** The video pool's limit for a catalog entry's body. */
export const MAX_BODY_BYTES = 64 * 1024;

const tableName = requireEnv('CATALOG_TABLE_NAME');
const endpoint = optionalEnv('DYNAMODB_ENDPOINT');

// Module scope: reused across invocations of a warm execution environment.
const catalog: VideoCatalog = new DynamoDbCatalog(DynamoDBDocumentClient.from(new DynamoDBClient(endpoint ? { endpoint } : {})), tableName);

type Result = APIGatewayProxyStructuredResultV2 & { statusCode: number };

const json = (statusCode: number, body: unknown): Result => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
});

export async function handler(event: APIGatewayProxyEventV2): Promise<Result> {
  try {
    switch (event.routeKey) {
      case CATALOG_ROUTES.list:
        return json(200, await catalog.list());
      case CATALOG_ROUTES.get: {
        const entry = await catalog.get(event.pathParameters?.id ?? '');
        if (!entry) throw new HttpError(404, 'video not found');
        return json(200, entry);
      }
      case CATALOG_ROUTES.add:
        return json(201, await catalog.add(parseNewVideo(jsonBody(event))));
      default:
        throw new HttpError(404, 'not found');
    }
  } catch (error) {
    if (error instanceof HttpError) return json(error.status, { error: error.message });
    log.error('catalog.request_failed', { routeKey: event.routeKey, ...describeError(error) });
    // An AWS SDK error means the table did not answer: worth retrying, unlike a bug.
    const fromAws = typeof (error as { $metadata?: unknown })?.$metadata === 'object';
    return fromAws ? json(503, { error: 'the catalog is unavailable; try again shortly' }) : json(500, { error: 'internal error' });
  }
}

function jsonBody(event: APIGatewayProxyEventV2): unknown {
  const text = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) throw new HttpError(413, `body must be at most ${MAX_BODY_BYTES} bytes`);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'body is not valid JSON; expected a JSON object');
  }
}
