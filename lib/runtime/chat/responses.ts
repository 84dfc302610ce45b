/**
 * Route responses. API Gateway only forwards `body` to the client when the route has
 * a route response; the status code is what it uses to accept or refuse a $connect.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export type RouteResult = APIGatewayProxyStructuredResultV2 & { statusCode: number };

export const ok = (body?: string): RouteResult => (body === undefined ? { statusCode: 200 } : { statusCode: 200, body });

export const badRequest = (reason: string): RouteResult => ({ statusCode: 400, body: reason });

export const serverError = (): RouteResult => ({ statusCode: 500, body: 'Internal server error' });
