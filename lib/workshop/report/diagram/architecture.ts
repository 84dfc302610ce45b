import { serviceOf } from '../../diff/services';
import { StageSnapshot, TemplateResource } from '../../synth/stage-snapshot';
import { hasIcon } from '../icons';
import { refsIn } from './refs';

/** Where a part of the stack runs, top to bottom as the diagram draws it. */
export type Placement =
  | { readonly kind: 'edge' }
  | { readonly kind: 'subnet'; readonly tier: string; readonly order: number }
  | { readonly kind: 'regional' }
  | { readonly kind: 'support' };

/** One part of the stack: a top-level construct, drawn as one box. */
export interface PartNode {
  readonly id: string;
  /** The type whose icon and service name the box shows. */
  readonly mainType: string;
  readonly service: string;
  /** Other services in the part, e.g. `Lambda ×4`. */
  readonly details: readonly string[];
  readonly resources: number;
  readonly placement: Placement;
  /** Reachable from the internet (an internet-facing load balancer, CloudFront, an API, IVS, IoT Core). */
  readonly publicEntry: boolean;
}

/** What an edge between two parts means. */
export type EdgeKind = 'targets' | 'origin' | 'invokes' | 'event source' | 'triggers' | 'records to' | 'uses';

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

/** The most telling resource type of a part, in this order. */
const MAIN_TYPES = [
  'AWS::IVS::Channel',
  'AWS::CloudFront::Distribution',
  'AWS::ApiGatewayV2::Api',
  'AWS::IoT::TopicRule',
  'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::AutoScaling::AutoScalingGroup',
  'AWS::DocDB::DBCluster',
  'AWS::RDS::DBCluster',
  'AWS::RDS::DBInstance',
  'AWS::DynamoDB::GlobalTable',
  'AWS::DynamoDB::Table',
  'AWS::ECS::TaskDefinition',
  'AWS::ECS::Cluster',
  'AWS::Lambda::Function',
  'AWS::Glue::Table',
  'AWS::Glue::Database',
  'AWS::Athena::WorkGroup',
  'AWS::Scheduler::Schedule',
  'AWS::Events::Rule',
  'AWS::S3::Bucket',
  'AWS::SQS::Queue',
  'AWS::SNS::Topic',
  'AWS::SecretsManager::Secret',
  'AWS::KMS::Key',
  'AWS::CloudWatch::Dashboard',
  'AWS::WAFv2::WebACL',
  'AWS::SSM::Association',
  'AWS::CloudWatch::Alarm',
  'AWS::Logs::LogGroup',
];
/** Services at the edge of AWS's network or fully managed front doors: drawn above the VPC. */
const EDGE_TYPES = new Set(['AWS::IVS::Channel', 'AWS::CloudFront::Distribution', 'AWS::ApiGatewayV2::Api', 'AWS::IoT::TopicRule', 'AWS::WAFv2::WebACL']);
/** Parts that support the others (keys, alerts, dashboards, logs): drawn small, at the bottom, no arrows in. */
const SUPPORT_TYPES = new Set(['AWS::KMS::Key', 'AWS::SNS::Topic', 'AWS::CloudWatch::Dashboard', 'AWS::CloudWatch::Alarm', 'AWS::Logs::LogGroup', 'AWS::SSM::Association', 'AWS::SecretsManager::Secret']);
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
  return { kind: 'uses', reverse: false };
}

const EDGE_STRENGTH: EdgeKind[] = ['targets', 'origin', 'invokes', 'event source', 'triggers', 'records to', 'uses'];

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

  // Buckets that receive other resources' logs are support, not workload: no arrows into them.
  const logTargets = new Set<string>();
  for (const [, r] of Object.entries(resources)) {
    for (const ref of refsIn(r.Properties)) if (/Logging|LogDestination/.test(ref.at)) logTargets.add(partOf(ref.target) ?? '');
    const attributes = (r.Properties?.LoadBalancerAttributes as Array<{ Key: string; Value: unknown }> | undefined) ?? [];
    for (const a of attributes.filter((x) => x.Key === 'access_logs.s3.bucket')) for (const ref of refsIn(a.Value)) logTargets.add(partOf(ref.target) ?? '');
  }

  const parts: PartNode[] = [];
  for (const [part, rs] of byPart) {
    if (part === vpcPart || rs.every(([, r]) => r.Type.startsWith('AWS::IAM::'))) continue;
    const types = rs.map(([, r]) => r.Type);
    const mainType = MAIN_TYPES.find((t) => types.includes(t)) ?? types.find(hasIcon) ?? types[0];
    const subnetTiers = rs.flatMap(([, r]) => refsIn(r.Properties).map((ref) => tierOfSubnet.get(ref.target))).filter((t) => t !== undefined);
    const placement: Placement = subnetTiers.length > 0
      ? { kind: 'subnet', tier: subnetTiers[0]!.tier, order: subnetTiers[0]!.order }
      : EDGE_TYPES.has(mainType)
        ? { kind: 'edge' }
        : SUPPORT_TYPES.has(mainType) || logTargets.has(part)
          ? { kind: 'support' }
          : { kind: 'regional' };
    const counts = new Map<string, number>();
    for (const t of types.filter((t) => hasIcon(t) && t !== mainType && !SUPPORT_TYPES.has(t))) counts.set(serviceOf(t), (counts.get(serviceOf(t)) ?? 0) + 1);
    counts.delete(serviceOf(mainType));
    const publicEntry = rs.some(
      ([, r]) =>
        (r.Type === 'AWS::ElasticLoadBalancingV2::LoadBalancer' && r.Properties?.Scheme === 'internet-facing') ||
        ['AWS::CloudFront::Distribution', 'AWS::ApiGatewayV2::Api', 'AWS::IVS::Channel', 'AWS::IoT::TopicRule'].includes(r.Type),
    );
    parts.push({
      id: part,
      mainType,
      service: serviceOf(mainType),
      details: [...counts.entries()].map(([service, n]) => (n > 1 ? `${service} ×${n}` : service)),
      resources: rs.length,
      placement,
      publicEntry,
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
  return { vpc: vpcPart !== undefined, tiers: tiers.map((t) => t.tier), parts, edges: [...edges.values()] };
}
