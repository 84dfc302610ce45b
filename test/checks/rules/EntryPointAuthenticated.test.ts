import { SecretValue, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer, WebSocketLambdaAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpUrlIntegration, WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iot from 'aws-cdk-lib/aws-iot';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { newStack, outcomesOf, vpcOf } from './support';

const certificates = [elbv2.ListenerCertificate.fromArn('arn:aws:acm:us-east-1:111111111111:certificate/viewer')];

function targets(stack: Stack) {
  return new elbv2.ApplicationTargetGroup(stack, 'App', { vpc: vpcOf(stack), port: 8080, targetType: elbv2.TargetType.IP });
}

function oidcThen(next: elbv2.ListenerAction) {
  return elbv2.ListenerAction.authenticateOidc({
    issuer: 'https://login.example.com',
    authorizationEndpoint: 'https://login.example.com/authorize',
    tokenEndpoint: 'https://login.example.com/token',
    userInfoEndpoint: 'https://login.example.com/userinfo',
    clientId: 'video-platform',
    clientSecret: SecretValue.secretsManager('oidc-client-secret'),
    next,
  });
}

function iotPolicy(stack: Stack, id: string, connectResource: string) {
  new iot.CfnPolicy(stack, id, {
    policyDocument: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'iot:Connect', Resource: `arn:aws:iot:us-east-1:111111111111:client/${connectResource}` },
        { Effect: 'Allow', Action: 'iot:Publish', Resource: 'arn:aws:iot:us-east-1:111111111111:topic/telemetry/${iot:Connection.Thing.ThingName}/data' },
      ],
    },
  });
}

describe('WellArchitected-EntryPointAuthenticated', () => {
  test('an internet-facing listener that authenticates before it forwards is compliant', () => {
    const stack = newStack();
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: vpcOf(stack), internetFacing: true });
    alb.addListener('Https', { port: 443, certificates, defaultAction: oidcThen(elbv2.ListenerAction.forward([targets(stack)])) });
    expect(outcomesOf(stack, 'EntryPointAuthenticated')).toEqual([{ outcome: 'compliant', path: 'S/Alb/Https/Resource' }]);
  });

  test('an internet-facing listener that forwards anyone is not', () => {
    const stack = newStack();
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: vpcOf(stack), internetFacing: true });
    alb.addListener('Https', { port: 443, certificates, defaultAction: elbv2.ListenerAction.forward([targets(stack)]) });
    expect(outcomesOf(stack, 'EntryPointAuthenticated')).toEqual([{ outcome: 'nonCompliant', path: 'S/Alb/Https/Resource' }]);
  });

  test('a listener rule that forwards around the authenticating default is not', () => {
    const stack = newStack();
    const app = targets(stack);
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: vpcOf(stack), internetFacing: true });
    const listener = alb.addListener('Https', { port: 443, certificates, defaultAction: oidcThen(elbv2.ListenerAction.forward([app])) });
    listener.addAction('Api', { priority: 10, conditions: [elbv2.ListenerCondition.pathPatterns(['/api/*'])], action: elbv2.ListenerAction.forward([app]) });
    expect(outcomesOf(stack, 'EntryPointAuthenticated')).toEqual([{ outcome: 'nonCompliant', path: 'S/Alb/Https/Resource' }]);
  });

  test('internal load balancers and listeners that only redirect are not judged', () => {
    const stack = newStack();
    const internal = new elbv2.ApplicationLoadBalancer(stack, 'Internal', { vpc: vpcOf(stack) });
    internal.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.forward([targets(stack)]) });
    const publicAlb = new elbv2.ApplicationLoadBalancer(stack, 'Public', { vpc: vpcOf(stack), internetFacing: true });
    publicAlb.addRedirect();
    expect(outcomesOf(stack, 'EntryPointAuthenticated')).toEqual([]);
  });

  test('HTTP API routes with an authorizer are compliant, routes without one are not', () => {
    const stack = newStack();
    const api = new apigwv2.HttpApi(stack, 'Api', { defaultIntegration: new HttpUrlIntegration('Site', 'https://example.com'), defaultAuthorizer: new HttpIamAuthorizer() });
    api.addRoutes({ path: '/health', methods: [apigwv2.HttpMethod.GET], integration: new HttpUrlIntegration('Health', 'https://example.com/health'), authorizer: new apigwv2.HttpNoneAuthorizer() });
    expect(outcomesOf(stack, 'EntryPointAuthenticated')).toEqual([
      { outcome: 'compliant', path: 'S/Api/DefaultRoute/Resource' },
      { outcome: 'nonCompliant', path: 'S/Api/GET--health/Resource' },
    ]);
  });

  test('a route on an API from another stack is judged by its key: HTTP routes are a method and a path', () => {
    const stack = newStack();
    const shared = apigwv2.HttpApi.fromHttpApiAttributes(stack, 'Shared', { httpApiId: 'a1b2c3' });
    new apigwv2.HttpRoute(stack, 'Items', { httpApi: shared, routeKey: apigwv2.HttpRouteKey.with('/items', apigwv2.HttpMethod.GET), integration: new HttpUrlIntegration('Items', 'https://example.com/items') });
    expect(outcomesOf(stack, 'EntryPointAuthenticated')).toEqual([{ outcome: 'nonCompliant', path: 'S/Items/Resource' }]);
  });

  test('a WebSocket API is judged on $connect, the only route that can take an authorizer', () => {
    const authorizer = (stack: Stack) =>
      new WebSocketLambdaAuthorizer('Tickets', new lambda.Function(stack, 'Authorizer', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({});') }));
    const chat = (stack: Stack, connect: apigwv2.WebSocketRouteOptions) => {
      const api = new apigwv2.WebSocketApi(stack, 'Chat', {
        connectRouteOptions: connect,
        disconnectRouteOptions: { integration: new WebSocketMockIntegration('Disconnect') },
        defaultRouteOptions: { integration: new WebSocketMockIntegration('Fallback') },
      });
      api.addRoute('sendmessage', { integration: new WebSocketMockIntegration('Send') });
    };
    const authorized = newStack();
    chat(authorized, { integration: new WebSocketMockIntegration('Connect'), authorizer: authorizer(authorized) });
    const open = newStack();
    chat(open, { integration: new WebSocketMockIntegration('Connect') });
    expect(outcomesOf(authorized, 'EntryPointAuthenticated')).toEqual([{ outcome: 'compliant', path: 'S/Chat/$connect-Route/Resource' }]);
    expect(outcomesOf(open, 'EntryPointAuthenticated')).toEqual([{ outcome: 'nonCompliant', path: 'S/Chat/$connect-Route/Resource' }]);
  });

  test('an IoT policy that binds connections to the thing (by client id or attachment) is compliant, one that lets any client id connect is not', () => {
    const stack = newStack();
    iotPolicy(stack, 'Bound', '${iot:Connection.Thing.ThingName}');
    iotPolicy(stack, 'AnyClient', '*');
    new iot.CfnPolicy(stack, 'Attached', {
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['iot:Connect'], Resource: '*', Condition: { Bool: { 'iot:Connection.Thing.IsAttached': 'true' } } }],
      },
    });
    expect(outcomesOf(stack, 'EntryPointAuthenticated')).toEqual([
      { outcome: 'compliant', path: 'S/Bound' },
      { outcome: 'nonCompliant', path: 'S/AnyClient' },
      { outcome: 'compliant', path: 'S/Attached' },
    ]);
  });
});
