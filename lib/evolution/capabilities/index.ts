import { CaseStudyInfo } from '../../../stages/stage-info';
import { CfnTemplate } from '../data-safety';
import { apiCapabilities } from './apis';
import type { Capability } from './capability';
import { edgeCapabilities } from './edge';
import { eventCapabilities } from './events';
import { loadBalancerCapabilities } from './load-balancers';

export type { Capability } from './capability';

/**
 * Everything a synthesized stage offers its users, read from the template and the code behind it:
 * load balancer routes (through the apps' route tables), API Gateway routes, CloudFront paths, live
 * channels, MQTT topics, queryable tables and job triggers. Sorted by id, one entry per id.
 */
export function capabilitiesOf(template: CfnTemplate): Capability[] {
  const all = [...loadBalancerCapabilities(template), ...apiCapabilities(template), ...edgeCapabilities(template), ...eventCapabilities(template)];
  const byId = new Map<string, Capability>();
  for (const capability of all) if (!byId.has(capability.id)) byId.set(capability.id, capability);
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** What moving from one stage to the next does to the capabilities, against what the later stage announces. */
export interface CapabilityChange {
  /** Offered before, not after, and not in the later stage's `retiresCapabilities`. */
  readonly unannounced: readonly string[];
  /** Announced as retired, yet offered after or never offered before: an announcement that is no longer true. */
  readonly staleAnnouncements: readonly string[];
}

export function capabilityChange(study: CaseStudyInfo, to: number, before: readonly Capability[], after: readonly Capability[]): CapabilityChange {
  const stage = study.stages.find((s) => s.id === to);
  if (!stage) throw new Error(`${study.title} has no stage ${to}`);
  const offeredAfter = new Set(after.map((c) => c.id));
  const dropped = before.map((c) => c.id).filter((id) => !offeredAfter.has(id));
  const announced = (stage.retiresCapabilities ?? []).map((r) => r.capability);
  return {
    unannounced: dropped.filter((id) => !announced.includes(id)),
    staleAnnouncements: announced.filter((id) => !dropped.includes(id)),
  };
}
