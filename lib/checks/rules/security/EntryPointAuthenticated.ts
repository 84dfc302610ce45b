import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { cfnProperties, logicalIdOf, referencedIds, resourcesOfType } from '../resources';

const AUTHENTICATING_ACTIONS = new Set(['authenticate-cognito', 'authenticate-oidc']);

interface Action {
  Type?: string;
}

/** An IoT policy statement, as written (the document is free-form JSON). */
interface IotStatement {
  Effect?: string;
  Action?: unknown;
  Resource?: unknown;
  Condition?: unknown;
}

const decided = (yes: boolean): NagRuleResult => (yes ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT);

/** Whether every path through an internet-facing listener passes an authenticate action first. */
function listenerAuthenticates(node: CfnResource): NagRuleResult {
  const stack = Stack.of(node);
  const properties = cfnProperties(node);
  const balancerIds = referencedIds(properties.LoadBalancerArn);
  const balancer = resourcesOfType(stack, 'AWS::ElasticLoadBalancingV2::LoadBalancer').find((lb) => balancerIds.has(logicalIdOf(lb)));
  if (!balancer || cfnProperties(balancer).Scheme === 'internal') return NagRuleCompliance.NOT_APPLICABLE;
  const defaults = (properties.DefaultActions ?? []) as Action[];
  // A listener that only redirects (HTTP to HTTPS) serves nothing itself.
  if (defaults.length > 0 && defaults.every((a) => a.Type === 'redirect')) return NagRuleCompliance.NOT_APPLICABLE;
  const id = logicalIdOf(node);
  const rules = resourcesOfType(stack, 'AWS::ElasticLoadBalancingV2::ListenerRule').filter((r) => referencedIds(cfnProperties(r).ListenerArn).has(id));
  const paths = [defaults, ...rules.map((r) => (cfnProperties(r).Actions ?? []) as Action[])];
  const serving = paths.filter((actions) => actions.some((a) => a.Type === 'forward'));
  return decided(serving.every((actions) => actions.some((a) => AUTHENTICATING_ACTIONS.has(a.Type ?? ''))));
}

/**
 * Whether a route can take an authorizer: every route of an HTTP API (`$default` included), only
 * `$connect` of a WebSocket API. An API outside the stack is told apart by its route keys: HTTP ones
 * are a method and a path.
 */
function routeCanAuthorize(node: CfnResource): boolean {
  const properties = cfnProperties(node);
  const key = properties.RouteKey;
  const apiIds = referencedIds(properties.ApiId);
  const api = resourcesOfType(Stack.of(node), 'AWS::ApiGatewayV2::Api').find((a) => apiIds.has(logicalIdOf(a)));
  const protocol = api ? cfnProperties(api).ProtocolType : undefined;
  if (protocol === 'WEBSOCKET') return key === '$connect';
  if (protocol === 'HTTP') return true;
  return key === '$connect' || (typeof key === 'string' && /^[A-Z]+ \//.test(key));
}

/** Whether every statement that lets a client connect binds the client id to the certificate's thing. */
function iotPolicyBindsThing(node: CfnResource): NagRuleResult {
  const document = cfnProperties(node).PolicyDocument as { Statement?: IotStatement | IotStatement[] } | undefined;
  const statements = [document?.Statement ?? []].flat();
  const connects = statements.filter(
    (s) => s.Effect === 'Allow' && [s.Action].flat().some((a) => a === 'iot:Connect' || a === 'iot:*' || a === '*'),
  );
  const bound = (s: IotStatement) =>
    JSON.stringify(s.Resource ?? '').includes('${iot:Connection.Thing.ThingName}') ||
    JSON.stringify(s.Condition ?? {}).includes('iot:Connection.Thing.IsAttached');
  return decided(connects.length > 0 && connects.every(bound));
}

/**
 * A public entry point knows who is calling before it serves them: load balancer listeners that
 * forward traffic authenticate first (Cognito or OIDC); API routes that can take an authorizer have
 * one (for WebSocket APIs only `$connect` can); REST API methods use any authorization (IAM, Cognito
 * or a Lambda authorizer; CORS preflight `OPTIONS` methods are not judged); and IoT device policies
 * bind each connection to its certificate's thing. Anonymous access is sometimes the product; then it
 * is an accepted risk.
 */
export function EntryPointAuthenticated(node: CfnResource): NagRuleResult {
  switch (node.cfnResourceType) {
    case 'AWS::ElasticLoadBalancingV2::Listener':
      return listenerAuthenticates(node);
    case 'AWS::ApiGatewayV2::Route': {
      if (!routeCanAuthorize(node)) return NagRuleCompliance.NOT_APPLICABLE;
      const type = cfnProperties(node).AuthorizationType;
      return decided(type !== undefined && type !== 'NONE');
    }
    case 'AWS::ApiGateway::Method': {
      const properties = cfnProperties(node);
      if (properties.HttpMethod === 'OPTIONS') return NagRuleCompliance.NOT_APPLICABLE;
      return decided(properties.AuthorizationType !== undefined && properties.AuthorizationType !== 'NONE');
    }
    case 'AWS::IoT::Policy':
      return iotPolicyBindsThing(node);
    default:
      return NagRuleCompliance.NOT_APPLICABLE;
  }
}
