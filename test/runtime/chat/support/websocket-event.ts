import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';

export interface WebsocketEventOptions {
  connectionId?: string;
  routeKey?: string;
  body?: string;
  isBase64Encoded?: boolean;
  domainName?: string;
  stage?: string;
  connectedAt?: number;
}

/** A WebSocket proxy event shaped like the ones API Gateway delivers to Lambda. */
export function websocketEvent(options: WebsocketEventOptions = {}): APIGatewayProxyWebsocketEventV2 {
  const routeKey = options.routeKey ?? 'sendmessage';
  const eventType = routeKey === '$connect' ? 'CONNECT' : routeKey === '$disconnect' ? 'DISCONNECT' : 'MESSAGE';
  const now = Date.now();
  return {
    requestContext: {
      routeKey,
      messageId: 'msg-1',
      eventType,
      extendedRequestId: 'ext-1',
      requestTime: new Date(now).toUTCString(),
      messageDirection: 'IN',
      stage: options.stage ?? 'prod',
      connectedAt: options.connectedAt ?? now,
      requestTimeEpoch: now,
      requestId: 'req-1',
      domainName: options.domainName ?? 'abc123.execute-api.us-east-1.amazonaws.com',
      connectionId: options.connectionId ?? 'sender=',
      apiId: 'abc123',
    },
    body: options.body,
    isBase64Encoded: options.isBase64Encoded ?? false,
  };
}
