/**
 * What the public load balancers offer: each listener's rules lead to a target group, the target group
 * to a fleet, the fleet's boot script to the app and its environment, and the app's route table to the
 * routes; a route counts only when a rule (or the default action) sends its path to that fleet.
 */
import { CfnTemplate } from '../data-safety';
import { appEndpoints } from './app-endpoints';
import type { Capability } from './capability';
import { canonicalPath, matchesPathPattern, samplePath } from './http-paths';
import { referencedId, resourcesOfType, textOf } from './template-values';

/** Where a listener sends requests: a target group, for all paths (`undefined`) or some. */
interface Forward {
  readonly targetGroup: string;
  readonly paths?: readonly string[];
}

function forwardsOf(actions: unknown): string[] {
  return (Array.isArray(actions) ? actions : [])
    .filter((action) => action?.Type === 'forward')
    .flatMap((action) => [referencedId(action.TargetGroupArn), ...(action.ForwardConfig?.TargetGroups ?? []).map((g: any) => referencedId(g.TargetGroupArn))])
    .filter((id): id is string => id !== undefined);
}

function forwards(template: CfnTemplate): Forward[] {
  const result: Forward[] = [];
  for (const listener of resourcesOfType(template, 'AWS::ElasticLoadBalancingV2::Listener')) {
    for (const targetGroup of forwardsOf(listener.properties.DefaultActions)) result.push({ targetGroup });
  }
  for (const rule of resourcesOfType(template, 'AWS::ElasticLoadBalancingV2::ListenerRule')) {
    const conditions: any[] = rule.properties.Conditions ?? [];
    const paths = conditions.filter((c) => c.Field === 'path-pattern').flatMap((c) => c.PathPatternConfig?.Values ?? c.Values ?? []);
    // Host, header or query conditions narrow a rule further than a path can say: not modelled yet.
    if (conditions.some((c) => c.Field !== 'path-pattern')) throw new Error(`Listener rule ${rule.id} has conditions other than path patterns`);
    for (const targetGroup of forwardsOf(rule.properties.Actions)) result.push({ targetGroup, paths });
  }
  return result;
}

/** The app a fleet runs: the service name and environment its boot script writes. */
function appOfFleet(template: CfnTemplate, fleet: { id: string; properties: any }): { service: string; env: NodeJS.ProcessEnv } {
  const launchTemplateId = referencedId(fleet.properties.LaunchTemplate?.LaunchTemplateId);
  const launchTemplate = launchTemplateId ? template.Resources?.[launchTemplateId] : undefined;
  const userData = textOf(launchTemplate?.Properties?.LaunchTemplateData?.UserData);
  // The boot script (lib/constructs/app-user-data.ts) writes the app's environment to /etc/<service>.env.
  const block = /cat > \/etc\/([\w.-]+)\.env <<'ENV'\n([\s\S]*?)\nENV\n/.exec(userData);
  if (!block) throw new Error(`Fleet ${fleet.id} has no app environment in its boot script`);
  const env: NodeJS.ProcessEnv = {};
  for (const line of block[2].split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) env[line.slice(0, at)] = line.slice(at + 1);
  }
  return { service: block[1], env };
}

export function loadBalancerCapabilities(template: CfnTemplate): Capability[] {
  const fleets = resourcesOfType(template, 'AWS::AutoScaling::AutoScalingGroup');
  const capabilities: Capability[] = [];
  for (const forward of forwards(template)) {
    for (const fleet of fleets.filter((f) => (f.properties.TargetGroupARNs ?? []).some((arn: unknown) => referencedId(arn) === forward.targetGroup))) {
      const { service, env } = appOfFleet(template, fleet);
      const reaches = (path: string) => forward.paths === undefined || forward.paths.some((pattern) => matchesPathPattern(pattern, samplePath(path)));
      const via = `load balancer → ${fleet.id} (${service})`;
      for (const endpoint of appEndpoints(service, env)) {
        if (endpoint.kind === 'http') {
          const path = canonicalPath(endpoint.path);
          if (reaches(path)) capabilities.push({ id: `HTTP ${endpoint.method} ${path}`, via });
        } else if (reaches(endpoint.path)) {
          capabilities.push(...endpoint.actions.map((action) => ({ id: `WebSocket ${action}`, via: `${via} at ${endpoint.path}` })));
        }
      }
    }
  }
  return capabilities;
}
