/**
 * Stage 5's real-time read API: `GET /devices/{id}/latest` and `GET /devices/{id}/stats?hours=N`
 * behind an API Gateway HTTP API (IAM authorization), over the real-time table the ingest function
 * writes. The answers are the collector's of stages 1-4, built by the same code
 * (../telemetry/device-reports) from the same table reads (../telemetry/realtime-reads), so a
 * dashboard that read the collector reads this with a new host name and SigV4 signing.
 *
 * Env: TABLE_NAME (required); DYNAMODB_ENDPOINT (tests and local runs only). Read at cold start.
 * IAM: dynamodb:Query on the real-time table.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describeError } from '../shared/error-fields';
import { optionalEnv, requireEnv } from '../shared/env';
import { log } from '../shared/json-logger';
import { checkDeviceId, DeviceQueryError, latestReport, statsReport, statsWindow } from '../telemetry/device-reports';
import { newestReadings, windowStats } from '../telemetry/realtime-reads';

const tableName = requireEnv('TABLE_NAME');
const endpoint = optionalEnv('DYNAMODB_ENDPOINT');

// Module scope: reused across invocations. Time limits, so a request fails within the API's 30 s.
const documents = DynamoDBDocumentClient.from(
  new DynamoDBClient({ ...(endpoint ? { endpoint } : {}), maxAttempts: 3, requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000 } }),
);

export const LATEST_ROUTE = 'GET /devices/{id}/latest';
export const STATS_ROUTE = 'GET /devices/{id}/stats';

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  try {
    // HTTP APIs hand the path parameter over already percent-decoded.
    const deviceId = checkDeviceId(event.pathParameters?.id ?? '');
    if (event.routeKey === LATEST_ROUTE) {
      return json(200, latestReport(deviceId, await newestReadings(documents, tableName, deviceId)));
    }
    if (event.routeKey === STATS_ROUTE) {
      const window = statsWindow(event.queryStringParameters?.hours, new Date());
      return json(200, statsReport(deviceId, window, await windowStats(documents, tableName, deviceId, window.from, window.to)));
    }
    return json(404, { error: 'no such route' });
  } catch (error) {
    if (error instanceof DeviceQueryError) return json(error.status, { error: error.message });
    if (isThrottledOrUnreachable(error)) {
      log.warn('telemetry.read_unavailable', { route: event.routeKey, ...describeError(error) });
      return json(503, { error: 'storage is unavailable; retry shortly' }, { 'retry-after': '5' });
    }
    log.error('telemetry.read_failed', { route: event.routeKey, ...describeError(error) });
    return json(500, { error: 'internal error' });
  }
}

function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers }, body: JSON.stringify(body) };
}

const THROTTLING = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded', 'TimeoutError']);

/** DynamoDB's throttling and 5xx, or no answer at all: the client should try again. */
function isThrottledOrUnreachable(error: unknown): boolean {
  const { name, $fault, $metadata } = (error ?? {}) as { name?: unknown; $fault?: unknown; $metadata?: { httpStatusCode?: unknown } };
  const noAnswer = typeof $metadata === 'object' && $metadata !== null && $metadata.httpStatusCode === undefined;
  return $fault === 'server' || noAnswer || (typeof name === 'string' && THROTTLING.has(name));
}
