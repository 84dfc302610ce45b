/**
 * `$default` route: API Gateway sends here every frame that is not JSON or whose
 * `action` matches no route. Tells the sender what it should have sent.
 *
 * Env: CALLBACK_URL (optional; stage callback URL, else derived from the request).
 * IAM: execute-api:ManageConnections on the API's stage (POST @connections).
 */
import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { describeUnroutableFrame } from './message';
import { rejectFrame } from './reject-frame';
import type { RouteResult } from './responses';

export async function handler(event: APIGatewayProxyWebsocketEventV2): Promise<RouteResult> {
  return rejectFrame(event, describeUnroutableFrame(event.body));
}
