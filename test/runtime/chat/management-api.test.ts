import { ApiGatewayManagementApiClient, GoneException, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { mockClient } from 'aws-sdk-client-mock';
import { handler as defaultRoute } from '../../../lib/runtime/chat/default-route';
import { isGoneConnectionError, managementEndpoint } from '../../../lib/runtime/chat/management-api';
import { captureLogs } from '../../support/captured-logs';
import { websocketEvent } from './support/websocket-event';

const api = mockClient(ApiGatewayManagementApiClient);
let logs: ReturnType<typeof captureLogs>;

beforeEach(() => {
  api.reset();
  api.on(PostToConnectionCommand).resolves({});
  delete process.env.CALLBACK_URL;
  logs = captureLogs();
});
afterEach(() => {
  delete process.env.CALLBACK_URL;
  logs.restore();
});

/** The endpoint of the client instance that made the n-th PostToConnection call. */
async function endpointOfCall(index: number): Promise<string> {
  const client = api.send.getCall(index).thisValue as ApiGatewayManagementApiClient;
  const { protocol, hostname, path } = await client.config.endpoint!();
  return `${protocol}//${hostname}${path}`;
}

describe('managementEndpoint', () => {
  const requestContext = { domainName: 'abc123.execute-api.eu-west-1.amazonaws.com', stage: 'live' };

  test('prefers CALLBACK_URL', () => {
    expect(managementEndpoint(requestContext, { CALLBACK_URL: 'https://cb.example.com/prod' })).toBe('https://cb.example.com/prod');
  });

  test('otherwise derives it from the request context', () => {
    expect(managementEndpoint(requestContext, {})).toBe('https://abc123.execute-api.eu-west-1.amazonaws.com/live');
    expect(managementEndpoint(requestContext, { CALLBACK_URL: '  ' })).toBe('https://abc123.execute-api.eu-west-1.amazonaws.com/live');
  });
});

describe('the client a handler posts through', () => {
  test('targets the request context endpoint when CALLBACK_URL is unset, and is reused', async () => {
    const event = websocketEvent({ routeKey: '$default', domainName: 'ws.example.com', stage: 'beta', body: 'x' });

    await defaultRoute(event);
    await defaultRoute(event);

    expect(await endpointOfCall(0)).toBe('https://ws.example.com/beta');
    expect(api.send.getCall(1).thisValue).toBe(api.send.getCall(0).thisValue);
  });

  test('targets CALLBACK_URL when it is set', async () => {
    process.env.CALLBACK_URL = 'https://abc123.execute-api.us-east-1.amazonaws.com/prod';

    await defaultRoute(websocketEvent({ routeKey: '$default', domainName: 'chat.example.com', stage: 'prod', body: 'x' }));

    expect(await endpointOfCall(0)).toBe('https://abc123.execute-api.us-east-1.amazonaws.com/prod');
  });
});

describe('isGoneConnectionError', () => {
  test.each([
    ['a GoneException', new GoneException({ message: 'Gone', $metadata: { httpStatusCode: 410 } }), true],
    ['any error with HTTP 410', Object.assign(new Error('gone'), { $metadata: { httpStatusCode: 410 } }), true],
    ['an error named GoneException', Object.assign(new Error('gone'), { name: 'GoneException' }), true],
    ['a 429', Object.assign(new Error('slow'), { $metadata: { httpStatusCode: 429 } }), false],
    ['a plain error', new Error('boom'), false],
    ['a non-error', 'gone', false],
  ])('%s → %s', (_name, error, expected) => {
    expect(isGoneConnectionError(error)).toBe(expected);
  });
});
