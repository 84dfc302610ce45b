import { CfnResource, Stack } from 'aws-cdk-lib';
import { CfnApi, CfnRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { CfnListener, CfnListenerRule, CfnLoadBalancer } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { CfnPolicy as CfnIotPolicy } from 'aws-cdk-lib/aws-iot';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { refersTo, resolved, resourcesOfType } from '../resources';

const AUTHENTICATING_ACTIONS = new Set(['authenticate-cognito', 'authenticate-oidc']);

interface Action {
  type?: string;
}

/** An IoT policy statement, as written (the document is free-form JSON, not an L1 property type). */
interface IotStatement {
  Effect?: string;
  Action?: unknown;
  Resource?: unknown;
  Condition?: unknown;
}

/** Whether every path through an internet-facing listener passes an authenticate action first. */
function listenerAuthenticates(node: CfnListener): NagRuleResult {
  const stack = Stack.of(node);
  const balancer = (resourcesOfType(stack, CfnLoadBalancer.CFN_RESOURCE_TYPE_NAME) as CfnLoadBalancer[]).find((lb) =>
    refersTo(node, node.loadBalancerArn, lb),
  );
  if (!balancer || resolved(balancer, balancer.scheme) === 'internal') return NagRuleCompliance.NOT_APPLICABLE;
  const defaults = (resolved(node, node.defaultActions) ?? []) as Action[];
  // A listener that only redirects (HTTP to HTTPS) serves nothing itself.
  if (defaults.length > 0 && defaults.every((a) => a.type === 'redirect')) return NagRuleCompliance.NOT_APPLICABLE;
  const rules = (resourcesOfType(stack, CfnListenerRule.CFN_RESOURCE_TYPE_NAME) as CfnListenerRule[]).filter((r) =>
    refersTo(r, r.listenerArn, node),
  );
  const paths = [defaults, ...rules.map((r) => (resolved(r, r.actions) ?? []) as Action[])];
  const serving = paths.filter((actions) => actions.some((a) => a.type === 'forward'));
  return serving.every((actions) => actions.some((a) => AUTHENTICATING_ACTIONS.has(a.type ?? '')))
    ? NagRuleCompliance.COMPLIANT
    : NagRuleCompliance.NON_COMPLIANT;
}

/**
 * Whether a route can take an authorizer: every route of an HTTP API (`$default` included), only
 * `$connect` of a WebSocket API. An API outside the stack is told apart by its route keys: HTTP ones
 * are a method and a path.
 */
function routeCanAuthorize(node: CfnRoute): boolean {
  const key = resolved(node, node.routeKey);
  const api = (resourcesOfType(Stack.of(node), CfnApi.CFN_RESOURCE_TYPE_NAME) as CfnApi[]).find((a) => refersTo(node, node.apiId, a));
  const protocol = api ? resolved(api, api.protocolType) : undefined;
  if (protocol === 'WEBSOCKET') return key === '$connect';
  if (protocol === 'HTTP') return true;
  return key === '$connect' || (typeof key === 'string' && /^[A-Z]+ \//.test(key));
}

/** Whether every statement that lets a client connect binds the client id to the certificate's thing. */
function iotPolicyBindsThing(node: CfnIotPolicy): NagRuleResult {
  const document = resolved(node, node.policyDocument) as { Statement?: IotStatement | IotStatement[] } | undefined;
  const statements = [document?.Statement ?? []].flat();
  const connects = statements.filter(
    (s) => s.Effect === 'Allow' && [s.Action].flat().some((a) => a === 'iot:Connect' || a === 'iot:*' || a === '*'),
  );
  const bound = (s: IotStatement) =>
    JSON.stringify(s.Resource ?? '').includes('${iot:Connection.Thing.ThingName}') ||
    JSON.stringify(s.Condition ?? {}).includes('iot:Connection.Thing.IsAttached');
  return connects.length > 0 && connects.every(bound) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

/**
 * A public entry point knows who is calling before it serves them: load balancer listeners that
 * forward traffic authenticate first (Cognito or OIDC), API routes that can take an authorizer have
 * one (for WebSocket APIs only `$connect` can), and IoT device policies bind each connection to its
 * certificate's thing. Anonymous access is sometimes the product; then it is an accepted risk.
 */
export function EntryPointAuthenticated(node: CfnResource): NagRuleResult {
  if (node instanceof CfnListener) return listenerAuthenticates(node);
  if (node instanceof CfnRoute) {
    if (!routeCanAuthorize(node)) return NagRuleCompliance.NOT_APPLICABLE;
    const type = resolved(node, node.authorizationType);
    return type !== undefined && type !== 'NONE' ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  }
  if (node instanceof CfnIotPolicy) return iotPolicyBindsThing(node);
  return NagRuleCompliance.NOT_APPLICABLE;
}

