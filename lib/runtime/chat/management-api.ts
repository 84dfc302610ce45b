/**
 * Posting frames back to WebSocket clients through the API Gateway Management API.
 */
import {
  ApiGatewayManagementApiClient,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import type { APIGatewayEventWebsocketRequestContextV2 } from 'aws-lambda';

type EndpointSource = Pick<APIGatewayEventWebsocketRequestContextV2, 'domainName' | 'stage'>;

/**
 * The management endpoint for the stage that delivered `requestContext`.
 * CALLBACK_URL (the stage's https callback URL, set by CDK) wins because behind a
 * custom domain `domainName`/`stage` do not form a valid management endpoint.
 */
export function managementEndpoint(requestContext: EndpointSource, env: NodeJS.ProcessEnv = process.env): string {
  const callbackUrl = env.CALLBACK_URL?.trim();
  if (callbackUrl) return callbackUrl;
  return `https://${requestContext.domainName}/${requestContext.stage}`;
}

// One client per endpoint, kept for the life of the execution environment.
const clientsByEndpoint = new Map<string, ApiGatewayManagementApiClient>();

/**
 * A post that hangs must not hold a fan-out worker until its timeout: it fails after this long and
 * is tried again with the other failures.
 */
export const POST_TIMEOUT_MS = 3000;

/** A cached management API client for the stage that delivered `requestContext`. */
export function managementClientFor(requestContext: EndpointSource): ApiGatewayManagementApiClient {
  return managementClient(managementEndpoint(requestContext));
}

/** A cached management API client for a stage's https callback URL. */
export function managementClient(endpoint: string): ApiGatewayManagementApiClient {
  let client = clientsByEndpoint.get(endpoint);
  if (!client) {
    client = new ApiGatewayManagementApiClient({
      endpoint,
      requestHandler: { connectionTimeout: POST_TIMEOUT_MS, requestTimeout: POST_TIMEOUT_MS },
    });
    clientsByEndpoint.set(endpoint, client);
  }
  return client;
}

/** Sends one text frame to one connection. Rejects with the SDK's error on failure. */
export async function postToConnection(
  client: ApiGatewayManagementApiClient,
  connectionId: string,
  frame: string,
): Promise<void> {
  await client.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: frame }));
}

/** True when the connection no longer exists (the client went away without $disconnect). */
export function isGoneConnectionError(error: unknown): boolean {
  if (error instanceof GoneException) return true;
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { name?: unknown; $metadata?: { httpStatusCode?: unknown } };
  return candidate.name === 'GoneException' || candidate.$metadata?.httpStatusCode === 410;
}
