import { StageSnapshot, TemplateResource } from '../../lib/workshop/synth/stage-snapshot';
import { architectureOf, Architecture, PartNode } from '../../lib/workshop/report/diagram/architecture';
import { iconExists, iconFile } from '../../lib/workshop/report/diagram/icon-uri';
import { detailsLine, nodeBox, PAD } from '../../lib/workshop/report/diagram/node-box';
import { renderArchitecture } from '../../lib/workshop/report/diagram/render-svg';
import { categoryOf, resourceKind, WORKLOAD_CATEGORIES } from '../../lib/workshop/report/diagram/resource-catalog';
import { sharedFleets } from '../../lib/workshop/report/diagram/shared-fleets';
import { textWidth } from '../../lib/workshop/report/diagram/text-width';
import { IOT_PLATFORM } from '../../stages/iot/registry';
import { VIDEO_PLATFORM } from '../../stages/video/registry';
import { sharedStore } from './cli-io';

const STUDIES = [VIDEO_PLATFORM, IOT_PLATFORM];
/** Every stage of both studies under both deployments, as the report draws them. */
const everyStage = (): Array<{ name: string; snapshot: StageSnapshot }> =>
  STUDIES.flatMap((study) =>
    study.stages.flatMap((stage) =>
      (['workshop', 'talk'] as const).map((variant) => ({ name: `${study.contextKey} ${stage.id} (${variant})`, snapshot: sharedStore.get(study, stage.id, variant) })),
    ),
  );
const partOf = (arch: Architecture, id: string): PartNode => {
  const part = arch.parts.find((p) => p.id === id);
  if (!part) throw new Error(`no part ${id} in ${arch.parts.map((p) => p.id).join(', ')}`);
  return part;
};

/** A hand-made template, its resources under the top-level parts named. */
function snapshotOf(resources: Record<string, TemplateResource & { part: string }>): StageSnapshot {
  return {
    study: 'video',
    stage: 1,
    slug: 'synthetic',
    stackName: 'Synthetic',
    variant: 'workshop',
    template: { Resources: Object.fromEntries(Object.entries(resources).map(([id, { part: _part, ...r }]) => [id, r])) },
    scorecard: undefined as never,
    resources: Object.fromEntries(Object.entries(resources).map(([id, r]) => [id, { type: r.Type, path: `Synthetic/${r.part}/${id}/Resource` }])),
  };
}

describe('every resource type of every stage has its own category and icon', () => {
  test('no type any stage synthesizes falls to a default', () => {
    const types = new Set(everyStage().flatMap(({ snapshot }) => Object.values(snapshot.template.Resources ?? {}).map((r) => r.Type)));
    expect(types.size).toBeGreaterThan(50);
    expect([...types].filter((t) => resourceKind(t) === undefined).sort()).toEqual([]);
    for (const type of types) {
      const kind = resourceKind(type)!;
      if (kind.icon) expect({ type, icon: kind.icon, exists: iconExists(kind.icon) }).toEqual({ type, icon: kind.icon, exists: true });
      // A type that can be the workload's face has an icon of its own, not the AWS Cloud fallback.
      if (WORKLOAD_CATEGORIES.has(kind.category)) expect({ type, icon: kind.icon }).toEqual({ type, icon: expect.stringMatching(/\.svg$/) });
    }
  }, 300_000);

  test('categories as an architect reads them: Firehose streams, it does not compute', () => {
    expect(categoryOf('AWS::KinesisFirehose::DeliveryStream')).toBe('streaming');
    expect(iconFile('AWS::KinesisFirehose::DeliveryStream')).toBe('architecture-service/AmazonDataFirehose.svg');
    expect(iconFile('AWS::KinesisFirehose::DeliveryStream')).not.toBe(iconFile('AWS::Lambda::Function'));
    expect(categoryOf('AWS::Lambda::Function')).toBe('compute');
    expect(categoryOf('AWS::AutoScaling::AutoScalingGroup')).toBe('compute');
    for (const t of ['AWS::DynamoDB::GlobalTable', 'AWS::RDS::DBCluster', 'AWS::DocDB::DBCluster', 'AWS::S3::Bucket']) expect([t, categoryOf(t)]).toEqual([t, 'data']);
    for (const t of ['AWS::IAM::Role', 'AWS::KMS::Key', 'AWS::SecretsManager::Secret']) expect([t, categoryOf(t)]).toEqual([t, 'security']);
    for (const t of ['AWS::Logs::LogGroup', 'AWS::CloudWatch::Alarm']) expect([t, categoryOf(t)]).toEqual([t, 'operations']);
    for (const t of ['AWS::ElasticLoadBalancingV2::Listener', 'AWS::DocDB::DBInstance', 'AWS::S3::BucketPolicy']) expect([t, categoryOf(t)]).toEqual([t, 'configuration']);
  });
});

describe('data stores are drawn apart from supporting resources', () => {
  test('iot 5: the Firehose stream is a regional streaming service; the archive, tables and buckets are data stores; alerts and logs support', () => {
    const arch = architectureOf(sharedStore.get(IOT_PLATFORM, 5));
    const delivery = partOf(arch, 'ArchiveDelivery');
    expect(delivery).toMatchObject({ mainType: 'AWS::KinesisFirehose::DeliveryStream', category: 'streaming', service: 'Data Firehose', placement: { kind: 'regional' } });
    for (const id of ['Archive', 'Realtime', 'JobsBucket']) expect([id, partOf(arch, id).placement.kind]).toEqual([id, 'data']);
    for (const id of ['Alerts', 'LogArchive']) expect([id, partOf(arch, id).placement.kind]).toEqual([id, 'support']);
    expect(partOf(arch, 'Devices').placement.kind).not.toBe('support');
    expect(arch.edges).toContainEqual({ from: 'ArchiveDelivery', to: 'Archive', kind: 'delivers to' });
    // Dead-letter and error queues support the work; they are not part of what it does.
    expect(partOf(arch, 'Analysis').details.join()).not.toMatch(/SQS/);
  }, 120_000);

  test('video 4: the catalogue table and the media bucket are data stores, the alert topic and the log bucket support', () => {
    const arch = architectureOf(sharedStore.get(VIDEO_PLATFORM, 4));
    for (const id of ['VideoCatalog', 'Media']) expect([id, partOf(arch, id).placement.kind]).toEqual([id, 'data']);
    expect(partOf(arch, 'Alerts')).toMatchObject({ mainType: 'AWS::SNS::Topic', placement: { kind: 'support' } });
    expect(partOf(arch, 'LogArchive').placement.kind).toBe('support');
    const svg = renderArchitecture(arch, 'video 4');
    expect(svg).toContain('>Data stores</text>');
    expect(svg.indexOf('>Data stores</text>')).toBeLessThan(svg.indexOf('>Supporting: keys, alerts, logs, failure queues</text>'));
  }, 120_000);

  test('in every stage, a data part is drawn with the data stores or in its subnets, and only non-workload parts are drawn as support', () => {
    for (const { name, snapshot } of everyStage()) {
      for (const part of architectureOf(snapshot).parts) {
        if (part.category === 'data') expect({ name, part: part.id, placement: part.placement.kind }).toEqual({ name, part: part.id, placement: expect.stringMatching(/^(data|subnet)$/) });
        if (part.placement.kind === 'support') expect({ name, part: part.id, workload: WORKLOAD_CATEGORIES.has(part.category) }).toEqual({ name, part: part.id, workload: false });
      }
    }
  }, 300_000);
});

describe('labels are never cut', () => {
  test('text widths: bold is wider, longer is wider, non-ASCII counted', () => {
    expect(textWidth('EventBridge', 12, 'bold')).toBeGreaterThan(textWidth('EventBridge', 12));
    expect(textWidth('EventBridge Scheduler', 12)).toBeGreaterThan(textWidth('EventBridge', 12));
    expect(textWidth('SQS ×2', 10)).toBeGreaterThan(textWidth('SQS 2', 10));
    // DejaVu Sans "M" is 0.863 em: 10 of them at 10 px are about 86 px, plus the safety margin.
    expect(textWidth('MMMMMMMMMM', 10)).toBeGreaterThanOrEqual(86.3);
  });

  test('a details line too long for its room keeps whole items and counts the rest', () => {
    const details = ['EventBridge ×2', 'SQS', 'EventBridge Scheduler', 'Lambda ×4'];
    const line = detailsLine(details, 180)!;
    expect(textWidth(line, 10.5)).toBeLessThanOrEqual(180);
    const match = /^\+ (.*), \+(\d+) more$/.exec(line)!;
    expect(match).not.toBeNull();
    const shown = match[1].split(', ');
    expect(shown).toEqual(details.slice(0, shown.length));
    expect(shown.length + Number(match[2])).toBe(details.length);
    expect(detailsLine(details, 1000)).toBe(`+ ${details.join(', ')}`);
  });

  test('in every stage, every line of every box fits inside the box, and details show whole items only', () => {
    for (const { name, snapshot } of everyStage()) {
      for (const part of architectureOf(snapshot).parts) {
        const box = nodeBox(part, part.placement.kind === 'support');
        expect({ name, part: part.id, name_: box.lines[0].text }).toEqual({ name, part: part.id, name_: part.id });
        for (const line of box.lines) {
          const room = line.role === 'badge' ? box.w - 2 * PAD : box.w - box.iconSize - 3 * PAD;
          expect({ name, part: part.id, text: line.text, fits: line.width <= room }).toEqual({ name, part: part.id, text: line.text, fits: true });
          if (line.role === 'details') {
            const items = line.text.replace(/^\+ /, '').split(', ').filter((i) => !/^\+\d+ more$/.test(i));
            for (const item of items) expect({ name, part: part.id, item, whole: part.details.includes(item) }).toEqual({ name, part: part.id, item, whole: true });
          }
        }
      }
    }
  }, 300_000);
});

describe('a fleet that serves several components is one blast radius', () => {
  const alb = { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Scheme: 'internet-facing' }, part: 'Entrance' };
  const targetGroup = (part = 'Entrance') => ({ Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: { Port: 80 }, part });
  const fleet = (part: string, ...groups: string[]) => ({
    Type: 'AWS::AutoScaling::AutoScalingGroup',
    Properties: { MinSize: '2', MaxSize: '3', TargetGroupARNs: groups.map((g) => ({ Ref: g })) },
    part,
  });
  const listener = (defaultTo?: string) => ({
    Type: 'AWS::ElasticLoadBalancingV2::Listener',
    Properties: {
      LoadBalancerArn: { Ref: 'Alb' },
      Port: 80,
      DefaultActions: [defaultTo ? { Type: 'forward', TargetGroupArn: { Ref: defaultTo } } : { Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }],
    },
    part: 'Entrance',
  });
  const rule = (to: string, paths: string[], priority: number, field: 'path-pattern' | 'host-header' = 'path-pattern') => ({
    Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
    Properties: {
      ListenerArn: { Ref: 'Listener' },
      Priority: priority,
      Conditions: [field === 'path-pattern' ? { Field: field, PathPatternConfig: { Values: paths } } : { Field: field, HostHeaderConfig: { Values: paths } }],
      Actions: [{ Type: 'forward', TargetGroupArn: { Ref: to } }],
    },
    part: 'Entrance',
  });
  const fleetsOf = (resources: Record<string, TemplateResource & { part: string }>) => sharedFleets(snapshotOf(resources).template.Resources!).map((f) => [f.fleet, f.routes.map((r) => r.label)]);

  test('one rule sending /video/* and /chat/* to the one target group of one fleet: marked, with its routes', () => {
    const resources = { Alb: alb, Listener: listener(), Group: targetGroup(), Rule: rule('Group', ['/video/*', '/chat/*'], 10), Pool: fleet('AppPool', 'Group') };
    expect(fleetsOf(resources)).toEqual([['Pool', ['/video/*', '/chat/*']]]);
    const arch = architectureOf(snapshotOf(resources));
    expect(partOf(arch, 'AppPool').sharedBy?.map((r) => r.label)).toEqual(['/video/*', '/chat/*']);
    expect(partOf(arch, 'Entrance').sharedBy).toBeUndefined();
    const svg = renderArchitecture(arch, 'synthetic monolith');
    expect(svg).toContain('class="node shared"');
    expect(svg).toContain('one blast radius: /video/* + /chat/*');
    // The legend under the drawing fits its width.
    const legend = /<text class="legend-shared" x="(\d+)"[^>]*>([^<]+)<\/text>/.exec(svg)!;
    const width = Number(/viewBox="0 0 (\d+)/.exec(svg)![1]);
    expect(Number(legend[1]) + textWidth(legend[2].replace(/&#39;|&apos;/g, "'"), 12)).toBeLessThanOrEqual(width);
  });

  test('two rules to two target groups of one fleet, or the default action beside a rule: marked', () => {
    expect(fleetsOf({ Alb: alb, Listener: listener(), A: targetGroup(), B: targetGroup(), R1: rule('A', ['/video/*'], 10), R2: rule('B', ['/chat/*'], 20), Pool: fleet('AppPool', 'A', 'B') }))
      .toEqual([['Pool', ['/video/*', '/chat/*']]]);
    expect(fleetsOf({ Alb: alb, Listener: listener('Group'), Group: targetGroup(), Rule: rule('Group', ['/chat/*'], 10), Pool: fleet('AppPool', 'Group') }))
      .toEqual([['Pool', ['default action', '/chat/*']]]);
    expect(fleetsOf({ Alb: alb, Listener: listener(), Group: targetGroup(), Rule: rule('Group', ['video.example.com', 'chat.example.com'], 10, 'host-header'), Pool: fleet('AppPool', 'Group') }))
      .toEqual([['Pool', ['video.example.com', 'chat.example.com']]]);
  });

  test('split pools, a fleet behind the default action alone, or paths of one component: not marked', () => {
    expect(fleetsOf({ Alb: alb, Listener: listener(), V: targetGroup(), C: targetGroup(), R1: rule('V', ['/video/*'], 10), R2: rule('C', ['/chat/*'], 20), VideoPool: fleet('VideoPool', 'V'), ChatPool: fleet('ChatPool', 'C') })).toEqual([]);
    expect(fleetsOf({ Alb: alb, Listener: listener('Group'), Group: targetGroup(), Pool: fleet('AppPool', 'Group') })).toEqual([]);
    expect(fleetsOf({ Alb: alb, Listener: listener(), Group: targetGroup(), Rule: rule('Group', ['/video/*', '/video/live/*'], 10), Pool: fleet('AppPool', 'Group') })).toEqual([]);
  });

  test('the stages with split pools mark none of them', () => {
    for (const stage of [2, 3]) {
      const arch = architectureOf(sharedStore.get(VIDEO_PLATFORM, stage));
      const fleets = arch.parts.filter((p) => p.mainType === 'AWS::AutoScaling::AutoScalingGroup');
      expect(fleets.length).toBeGreaterThan(0);
      expect(fleets.filter((p) => p.sharedBy).map((p) => p.id)).toEqual([]);
    }
  }, 120_000);
});
