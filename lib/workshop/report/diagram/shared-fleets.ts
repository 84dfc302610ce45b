import { TemplateResource } from '../../synth/stage-snapshot';
import { refsIn } from './refs';

/** One way requests reach a target group through a load balancer's listener. */
export interface Route {
  /** As a reader knows it: a path pattern (`/video/*`), `host/path`, or `default action`. */
  readonly label: string;
  /** The component it serves: a host and/or first path segment (`video`); undefined for a catch-all (a default action, `/*`). */
  readonly component?: string;
}

/** A fleet that several routes reach: one pool of capacity, one blast radius, for what they serve. */
export interface SharedFleet {
  /** Logical ID of the fleet (an Auto Scaling group or ECS service). */
  readonly fleet: string;
  readonly routes: readonly Route[];
}

type Props = Record<string, any>;
const list = (value: unknown): Props[] => (Array.isArray(value) ? value : []) as Props[];

/** Target groups a listener's or rule's actions forward to (`TargetGroupArn` or `ForwardConfig.TargetGroups`). */
function forwardedTo(actions: unknown): string[] {
  return list(actions)
    .filter((a) => a.Type === 'forward')
    .flatMap((a) => refsIn([a.TargetGroupArn, a.ForwardConfig?.TargetGroups]).map((r) => r.target));
}

/** The values of one kind of rule condition, in either form CloudFormation accepts. */
function conditionValues(conditions: Props[], field: 'path-pattern' | 'host-header'): string[] {
  const config = field === 'path-pattern' ? 'PathPatternConfig' : 'HostHeaderConfig';
  return conditions.filter((c) => c.Field === field).flatMap((c) => [...list(c.Values), ...list(c[config]?.Values)]).map(String);
}

/** A path pattern's component: its first literal segment (`/video/*` → `video`); undefined for a catch-all (`/*`). */
function componentOfPath(pattern: string): string | undefined {
  const first = pattern.replace(/^\/+/, '').split('/')[0].replace(/[*?].*$/, '');
  return first === '' ? undefined : first.toLowerCase();
}

/** The routes one listener rule's conditions match: one per host × path pattern. */
function routesOfRule(conditions: Props[]): Route[] {
  const paths = conditionValues(conditions, 'path-pattern');
  const hosts = conditionValues(conditions, 'host-header');
  if (paths.length === 0 && hosts.length === 0) return [{ label: 'any request', component: undefined }];
  const pathRoutes = paths.length ? paths.map((p) => ({ label: p, component: componentOfPath(p) })) : [{ label: '', component: '' as string | undefined }];
  if (hosts.length === 0) return pathRoutes;
  return hosts.flatMap((h) =>
    pathRoutes.map((p) => ({ label: `${h}${p.label}`, component: p.component === undefined ? undefined : [h.toLowerCase(), p.component].filter(Boolean).join('/') })),
  );
}

/** The target groups a fleet registers its capacity in. */
function targetGroupsOf(resource: TemplateResource): string[] {
  const props = (resource.Properties ?? {}) as Props;
  if (resource.Type === 'AWS::AutoScaling::AutoScalingGroup') return refsIn(props.TargetGroupARNs).map((r) => r.target);
  if (resource.Type === 'AWS::ECS::Service') return refsIn(list(props.LoadBalancers).map((lb) => lb.TargetGroupArn)).map((r) => r.target);
  return [];
}

/**
 * Fleets that serve several components, from the template's relations alone: the routes of every
 * listener (default actions) and listener rule (path and host conditions) that forward to a fleet's
 * target groups. Routes with different components (`/video/*` and `/chat/*`), or a catch-all beside
 * a specific route, reaching one fleet mean one pool of capacity and one blast radius for all of them:
 * one component's load or failure takes the others down with it. A fleet reached by one route, or by
 * routes of one component, is not listed.
 */
export function sharedFleets(resources: Record<string, TemplateResource>): SharedFleet[] {
  const routesTo = new Map<string, Route[]>();
  const add = (targetGroup: string, routes: Route[]) => routesTo.set(targetGroup, [...(routesTo.get(targetGroup) ?? []), ...routes]);
  for (const r of Object.values(resources)) {
    const props = (r.Properties ?? {}) as Props;
    if (r.Type === 'AWS::ElasticLoadBalancingV2::Listener') {
      for (const tg of forwardedTo(props.DefaultActions)) add(tg, [{ label: 'default action', component: undefined }]);
    } else if (r.Type === 'AWS::ElasticLoadBalancingV2::ListenerRule') {
      const routes = routesOfRule(list(props.Conditions));
      for (const tg of forwardedTo(props.Actions)) add(tg, routes);
    }
  }
  const shared: SharedFleet[] = [];
  for (const [fleet, resource] of Object.entries(resources)) {
    const routes = targetGroupsOf(resource).flatMap((tg) => routesTo.get(tg) ?? []);
    const unique = [...new Map(routes.map((r) => [r.label, r])).values()];
    // A catch-all is its own component: whatever no other route claims.
    const components = new Set(unique.map((r) => r.component ?? '(everything else)'));
    if (components.size >= 2) shared.push({ fleet, routes: unique });
  }
  return shared;
}
