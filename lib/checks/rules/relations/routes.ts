import { CfnResource, Stack } from 'aws-cdk-lib';
import { cfnProperties, perStack, referencedIds, resourcesOfType } from '../resources';

/** What reaches one target group through a load balancer's listeners. */
export interface TargetGroupRoutes {
  /** The components routed to it: the first path segment of each path pattern (`/video/*` → `video`), prefixed by its host header if any. */
  readonly components: ReadonlySet<string>;
  /** Whether some route reaches it with no path or host condition (a listener's default action, a catch-all pattern): what it serves then is not visible. */
  readonly catchAll: boolean;
}

type Routes = Map<string, { components: Set<string>; catchAll: boolean }>;

/** Target groups an action list forwards to (`TargetGroupArn`, or `ForwardConfig.TargetGroups`). */
function forwardedTo(actions: unknown): Set<string> {
  const found = new Set<string>();
  for (const action of (Array.isArray(actions) ? actions : []) as Array<Record<string, any>>) {
    if (action.Type !== 'forward') continue;
    referencedIds([action.TargetGroupArn, action.ForwardConfig?.TargetGroups], found);
  }
  return found;
}

/** A path pattern's component: its first literal segment, or undefined for a catch-all (`/*`, `*`). */
function componentOfPath(pattern: unknown): string | undefined {
  if (typeof pattern !== 'string') return undefined;
  const first = pattern.replace(/^\/+/, '').split('/')[0];
  const literal = first.replace(/[*?].*$/, '');
  return literal === '' ? undefined : literal.toLowerCase();
}

/** The values of one kind of listener-rule condition (`path-pattern`, `host-header`), in either of the forms CloudFormation accepts. */
function conditionValues(conditions: Array<Record<string, any>>, field: 'path-pattern' | 'host-header'): unknown[] {
  const config = field === 'path-pattern' ? 'PathPatternConfig' : 'HostHeaderConfig';
  return conditions.filter((c) => c.Field === field).flatMap((c) => [...(c.Values ?? []), ...(c[config]?.Values ?? [])]);
}

/** The components one listener rule routes: one per host × path prefix; undefined when a condition matches everything. */
function componentsOfRule(conditions: Array<Record<string, any>>): string[] | undefined {
  const paths = conditionValues(conditions, 'path-pattern').map(componentOfPath);
  const hosts = conditionValues(conditions, 'host-header').map((h) => (typeof h === 'string' ? h.toLowerCase() : undefined));
  if (paths.includes(undefined) || hosts.includes(undefined)) return undefined;
  if (paths.length === 0 && hosts.length === 0) return undefined;
  if (hosts.length === 0) return paths as string[];
  if (paths.length === 0) return hosts as string[];
  return (hosts as string[]).flatMap((h) => (paths as string[]).map((p) => `${h}/${p}`));
}

function routesOf(stack: Stack): Routes {
  const routes: Routes = new Map();
  const entry = (id: string) => {
    let found = routes.get(id);
    if (!found) routes.set(id, (found = { components: new Set(), catchAll: false }));
    return found;
  };
  for (const listener of resourcesOfType(stack, 'AWS::ElasticLoadBalancingV2::Listener')) {
    for (const id of forwardedTo(cfnProperties(listener).DefaultActions)) entry(id).catchAll = true;
  }
  for (const rule of resourcesOfType(stack, 'AWS::ElasticLoadBalancingV2::ListenerRule')) {
    const properties = cfnProperties(rule);
    const components = componentsOfRule((properties.Conditions ?? []) as Array<Record<string, any>>);
    for (const id of forwardedTo(properties.Actions)) {
      if (components === undefined) entry(id).catchAll = true;
      else for (const c of components) entry(id).components.add(c);
    }
  }
  return routes;
}

/** What the stack's load balancers route to one target group (nothing when none reaches it). */
export function routesToTargetGroup(stack: Stack, targetGroupId: string): TargetGroupRoutes {
  return perStack(stack, 'targetGroupRoutes', () => routesOf(stack)).get(targetGroupId) ?? { components: new Set(), catchAll: false };
}

/** The target groups a fleet or ECS service registers its capacity in, by logical ID. */
export function targetGroupsOf(node: CfnResource): Set<string> {
  const properties = cfnProperties(node);
  if (node.cfnResourceType === 'AWS::AutoScaling::AutoScalingGroup') return referencedIds(properties.TargetGroupARNs);
  if (node.cfnResourceType === 'AWS::ECS::Service') {
    return referencedIds(((properties.LoadBalancers ?? []) as Array<Record<string, unknown>>).map((lb) => lb.TargetGroupArn));
  }
  return new Set();
}

