import { CostEstimate } from './cost-line';

/** How one service's monthly bill moves between two estimates. */
export interface ServiceDelta {
  readonly service: string;
  readonly before: number;
  readonly after: number;
  readonly change: number;
}

/** How one resource's monthly bill moves between two estimates (kept, added or removed). */
export interface ResourceDelta {
  readonly logicalId: string;
  readonly path?: string;
  readonly resourceType: string;
  readonly before: number;
  readonly after: number;
  readonly change: number;
}

/** The monthly change in dollars between two estimates (two stages under the same load). */
export interface CostDelta {
  readonly load: string;
  readonly before: number;
  readonly after: number;
  /** `after - before`, USD a month. */
  readonly change: number;
  /** The change as a share of `before` (-0.49: 49% saved); undefined when `before` is 0. */
  readonly changeRatio?: number;
  /** Services whose bill changes, largest change first. */
  readonly services: readonly ServiceDelta[];
  /** Resources whose bill changes, largest change first. */
  readonly resources: readonly ResourceDelta[];
}

function sums<K>(estimate: CostEstimate, key: (l: CostEstimate['lines'][number]) => K): Map<K, number> {
  const out = new Map<K, number>();
  for (const l of estimate.lines) out.set(key(l), (out.get(key(l)) ?? 0) + l.amount);
  return out;
}

const CENT = 0.005;

/** The monthly change between two estimates; both must be under the same load to mean anything. */
export function costDelta(before: CostEstimate, after: CostEstimate): CostDelta {
  if (before.load !== after.load) throw new Error(`Cannot compare a '${before.load}' estimate with a '${after.load}' one`);
  const sb = sums(before, (l) => l.service);
  const sa = sums(after, (l) => l.service);
  const services = [...new Set([...sb.keys(), ...sa.keys()])]
    .map((service) => ({ service, before: sb.get(service) ?? 0, after: sa.get(service) ?? 0, change: (sa.get(service) ?? 0) - (sb.get(service) ?? 0) }))
    .filter((s) => Math.abs(s.change) >= CENT)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
  const rb = sums(before, (l) => l.logicalId);
  const ra = sums(after, (l) => l.logicalId);
  const info = new Map([...before.lines, ...after.lines].map((l) => [l.logicalId, l]));
  const resources = [...new Set([...rb.keys(), ...ra.keys()])]
    .map((id) => {
      const l = info.get(id)!;
      const b = rb.get(id) ?? 0;
      const a = ra.get(id) ?? 0;
      return { logicalId: id, ...(l.path ? { path: l.path } : {}), resourceType: l.resourceType, before: b, after: a, change: a - b };
    })
    .filter((r) => Math.abs(r.change) >= CENT)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
  const change = after.total - before.total;
  return { load: after.load, before: before.total, after: after.total, change, ...(before.total > 0 ? { changeRatio: change / before.total } : {}), services, resources };
}
