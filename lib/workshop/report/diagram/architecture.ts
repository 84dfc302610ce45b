import { serviceOf } from '../../diff/services';
import { StageSnapshot, TemplateResource } from '../../synth/stage-snapshot';
import { refsIn } from './refs';
import { Category, categoryOf, FACE_ORDER, resourceKind, WORKLOAD_CATEGORIES } from './resource-catalog';
import { Route, sharedFleets } from './shared-fleets';

/** Where a part of the stack is drawn, top to bottom. */
export type Placement =
  | { readonly kind: 'edge' }
  | { readonly kind: 'subnet'; readonly tier: string; readonly order: number }
  | { readonly kind: 'regional' }
  | { readonly kind: 'data' }
  | { readonly kind: 'support' };

/** One part of the stack: a top-level construct, drawn as one box. */
export interface PartNode {
  readonly id: string;
  /** The type whose icon and service name the box shows. */
  readonly mainType: string;
  /** What the part is to the workload (its face's category, or support when it only serves alarms, logs or failures). */
  readonly category: Category;
  readonly service: string;
  /** Other workload services in the part, e.g. `Lambda ×4`. */
  readonly details: readonly string[];
  readonly resources: number;
  readonly placement: Placement;
  /** Reachable from the internet (an internet-facing load balancer, CloudFront, an API, IVS, IoT Core). */
  readonly publicEntry: boolean;
  /** Set when the part's fleet serves several components: the routes that share its one blast radius. */
  readonly sharedBy?: readonly Route[];
}

/** What an edge between two parts means. */
export type EdgeKind = 'targets' | 'origin' | 'invokes' | 'event source' | 'triggers' | 'delivers to' | 'records to' | 'uses';

/** A relation the template implies between two parts. */
export interface PartEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
}

/** A stage's architecture as boxes and arrows. */
export interface Architecture {
  readonly vpc: boolean;
  /** Subnet tiers inside the VPC, in order (e.g. Public, App, Data). */
  readonly tiers: readonly string[];
  readonly parts: readonly PartNode[];
  readonly edges: readonly PartEdge[];
}

/** Categories that only support the workload: their parts are drawn small, at the bottom, with no arrows in. */
const SUPPORT_CATEGORIES = new Set<Category>(['security', 'operations', 'network', 'configuration', 'deployment']);
/** Where a reference marks its target as a sink for alarms, logs or failed work (support), not a step of the workload. */
const SINK_AT = /AlarmActions|OKActions|InsufficientDataActions|DeadLetter|RedrivePolicy|OnFailure|ErrorAction|Logging|LogDestination|AccessLog/;
/** Where a reference means a consumer reads from its target: the target is a step of the workload. */
const CONSUMER_AT = /^EventSourceArn|^TopicArn/;
/** Sources whose references are monitoring, permissions or logging plumbing, not how the workload works. */
const PLUMBING_SOURCES = /^AWS::(IAM|CloudWatch|Logs|SNS|KMS|SSM|Lambda::Permission|SecretsManager|S3::BucketPolicy|EC2::SecurityGroup)/;

/** Construct IDs CDK adds for its own providers and singletons. */
function isCdkPlumbing(part: string): boolean {
  return part.startsWith('Custom::') || part.startsWith('LogRetention') || /^AWS[0-9a-f]{32}$/.test(part) || part === 'CDKMetadata';
}

function edgeKind(sourceType: string, at: string): { kind: EdgeKind; reverse: boolean } {
  if (sourceType === 'AWS::AutoScaling::AutoScalingGroup' && at.startsWith('TargetGroupARNs')) return { kind: 'targets', reverse: true };
  if (sourceType === 'AWS::CloudFront::Distribution' && at.includes('Origins')) return { kind: 'origin', reverse: false };
  if (sourceType === 'AWS::Lambda::EventSourceMapping' && at.startsWith('EventSourceArn')) return { kind: 'event source', reverse: true };
  if (sourceType === 'AWS::IoT::TopicRule' || sourceType === 'AWS::ApiGatewayV2::Integration') return { kind: 'invokes', reverse: false };
  // A rule's event pattern names what emits the event (a bucket): the event flows from it to the rule.
  if (sourceType === 'AWS::Events::Rule' && at.startsWith('EventPattern')) return { kind: 'triggers', reverse: true };
  if (sourceType === 'AWS::Events::Rule' || sourceType === 'AWS::Scheduler::Schedule') return { kind: 'triggers', reverse: false };
  if (sourceType === 'AWS::IVS::RecordingConfiguration') return { kind: 'records to', reverse: false };
  if (sourceType === 'AWS::KinesisFirehose::DeliveryStream' && /DestinationConfiguration/.test(at)) return { kind: 'delivers to', reverse: false };
  return { kind: 'uses', reverse: false };
}

const EDGE_STRENGTH: EdgeKind[] = ['targets', 'origin', 'invokes', 'event source', 'triggers', 'delivers to', 'records to', 'uses'];

/**
 * The architecture of a synthesized stage, from its template and construct paths alone: one box per
 * top-level construct, placed by the subnets its resources reference (or outside the VPC), with the
 * relations its resources' references imply (target groups, origins, event sources, integrations,
 * rule targets, and plain references).
 */
export function architectureOf(snapshot: StageSnapshot): Architecture {
  const resources = snapshot.template.Resources ?? {};
  const partOf = (id: string) => snapshot.resources[id]?.path.split('/')[1];
  const byPart = new Map<string, Array<[string, TemplateResource]>>();
  for (const [id, r] of Object.entries(resources)) {
    const part = partOf(id);
    if (!part || isCdkPlumbing(part)) continue;
    byPart.set(part, [...(byPart.get(part) ?? []), [id, r]]);
  }
  const vpcPart = [...byPart.entries()].find(([, rs]) => rs.some(([, r]) => r.Type === 'AWS::EC2::VPC'))?.[0];

  // Subnet tiers, from the tags CDK puts on every subnet it makes.
  const tierOfSubnet = new Map<string, { tier: string; order: number }>();
  const typeOrder = { Public: 0, Private: 1, Isolated: 2 } as Record<string, number>;
  for (const [id, r] of Object.entries(resources)) {
    if (r.Type !== 'AWS::EC2::Subnet') continue;
    const tags = (r.Properties?.Tags as Array<{ Key: string; Value: string }> | undefined) ?? [];
    const name = tags.find((t) => t.Key === 'aws-cdk:subnet-name')?.Value;
    const kind = tags.find((t) => t.Key === 'aws-cdk:subnet-type')?.Value ?? (r.Properties?.MapPublicIpOnLaunch ? 'Public' : 'Private');
    tierOfSubnet.set(id, { tier: name ?? kind, order: typeOrder[kind] ?? 1 });
  }
  const tiers = [...new Map([...tierOfSubnet.values()].map((t) => [t.tier, t])).values()].sort((a, b) => a.order - b.order);

  // Sinks: resources other resources send logs, alarms or failed work to (a log bucket, an alert
  // topic, a dead-letter queue) are support, unless a consumer also reads them.
  const sinks = new Set<string>();
  const consumed = new Set<string>();
  for (const [, r] of Object.entries(resources)) {
    for (const ref of refsIn(r.Properties)) {
      if (SINK_AT.test(ref.at)) sinks.add(ref.target);
      if (CONSUMER_AT.test(ref.at) || r.Type === 'AWS::SNS::Subscription') consumed.add(ref.target);
    }
    const attributes = (r.Properties?.LoadBalancerAttributes as Array<{ Key: string; Value: unknown }> | undefined) ?? [];
    for (const a of attributes.filter((x) => x.Key === 'access_logs.s3.bucket')) for (const ref of refsIn(a.Value)) sinks.add(ref.target);
  }
  const isSink = (id: string, r: TemplateResource) =>
    sinks.has(id) && !consumed.has(id) && ['integration', 'data'].includes(categoryOf(r.Type));
  const shared = new Map(sharedFleets(resources).map((f) => [f.fleet, f.routes]));
  const serviceName = (type: string) => resourceKind(type)?.service ?? serviceOf(type);

  const parts: PartNode[] = [];
  for (const [part, rs] of byPart) {
    if (part === vpcPart || rs.every(([, r]) => r.Type.startsWith('AWS::IAM::'))) continue;
    // What the part does for the workload: its resources other than sinks, which only support it.
    const working = rs.filter(([id, r]) => !isSink(id, r));
    const types = rs.map(([, r]) => r.Type);
    const workingTypes = working.map(([, r]) => r.Type);
    const workload = workingTypes.filter((t) => WORKLOAD_CATEGORIES.has(categoryOf(t)));
    const mainType = FACE_ORDER.find((t) => workload.includes(t)) ?? FACE_ORDER.find((t) => types.includes(t)) ?? types.find((t) => resourceKind(t)?.icon) ?? types[0];
    // A part whose only workload-like resources are sinks (an alert topic, a log bucket) supports the others.
    const category: Category = workload.length > 0 ? categoryOf(mainType) : 'operations';
    const subnetTiers = rs.flatMap(([, r]) => refsIn(r.Properties).map((ref) => tierOfSubnet.get(ref.target))).filter((t) => t !== undefined);
    const placement: Placement = subnetTiers.length > 0
      ? { kind: 'subnet', tier: subnetTiers[0]!.tier, order: subnetTiers[0]!.order }
      : category === 'edge'
        ? { kind: 'edge' }
        : category === 'data'
          ? { kind: 'data' }
          : SUPPORT_CATEGORIES.has(category)
            ? { kind: 'support' }
            : { kind: 'regional' };
    const counts = new Map<string, number>();
    for (const [, r] of working) {
      if (r.Type === mainType || !WORKLOAD_CATEGORIES.has(categoryOf(r.Type))) continue;
      if (r.Properties?.DBClusterIdentifier !== undefined) continue; // a cluster's member instance: the cluster is the store
      counts.set(serviceName(r.Type), (counts.get(serviceName(r.Type)) ?? 0) + 1);
    }
    counts.delete(serviceName(mainType));
    const publicEntry = rs.some(
      ([, r]) =>
        (r.Type === 'AWS::ElasticLoadBalancingV2::LoadBalancer' && r.Properties?.Scheme === 'internet-facing') ||
        ['AWS::CloudFront::Distribution', 'AWS::ApiGatewayV2::Api', 'AWS::ApiGateway::RestApi', 'AWS::IVS::Channel', 'AWS::IoT::TopicRule', 'AWS::IoT::ProvisioningTemplate'].includes(r.Type),
    );
    const sharedBy = rs.map(([id]) => shared.get(id)).find((routes) => routes !== undefined);
    parts.push({
      id: part,
      mainType,
      category,
      service: serviceName(mainType),
      details: [...counts.entries()].map(([service, n]) => (n > 1 ? `${service} ×${n}` : service)),
      resources: rs.length,
      placement,
      publicEntry,
      ...(sharedBy ? { sharedBy } : {}),
    });
  }

  const visible = new Set(parts.map((p) => p.id));
  const support = new Set(parts.filter((p) => p.placement.kind === 'support').map((p) => p.id));
  const edges = new Map<string, PartEdge>();
  for (const [part, rs] of byPart) {
    if (!visible.has(part)) continue;
    for (const [, r] of rs) {
      if (PLUMBING_SOURCES.test(r.Type)) continue;
      for (const ref of refsIn(r.Properties)) {
        const target = partOf(ref.target);
        if (!target || target === part || !visible.has(target) || support.has(target)) continue;
        if (/Logging|AccessLog|access_logs|LogDestination/i.test(ref.at)) continue; // logs to the archive: plumbing
        const { kind, reverse } = edgeKind(r.Type, ref.at);
        const [from, to] = reverse ? [target, part] : [part, target];
        const key = `${from}->${to}`;
        const existing = edges.get(key);
        if (!existing || EDGE_STRENGTH.indexOf(kind) < EDGE_STRENGTH.indexOf(existing.kind)) edges.set(key, { from, to, kind });
      }
    }
  }
  // A plain reference back along a stronger relation (the pool's security group naming the load
  // balancer's) would draw a second arrowhead on the same line: the stronger relation says it.
  const drawn = [...edges.values()].filter((e) => e.kind !== 'uses' || !edges.has(`${e.to}->${e.from}`) || edges.get(`${e.to}->${e.from}`)!.kind === 'uses' && e.from < e.to);
  return { vpc: vpcPart !== undefined, tiers: tiers.map((t) => t.tier), parts, edges: drawn };
}
