import { PILLARS } from '../../lib/checks/framework/pillars';
import { Scorecard } from '../../lib/checks/scorecard';
import { removalNote, stageDiff } from '../../lib/workshop/diff/stage-diff';
import { noiseKind } from '../../lib/workshop/diff/noise';
import { StageSnapshot, TemplateResource } from '../../lib/workshop/synth/stage-snapshot';
import { architectureOf } from '../../lib/workshop/report/diagram/architecture';
import { IOT_PLATFORM } from '../../stages/iot/registry';
import { VIDEO_PLATFORM } from '../../stages/video/registry';
import { sharedStore } from './cli-io';

const card = (score: number | null): Scorecard => ({
  schemaVersion: 1,
  stack: 'VideoPlatform',
  frameworkVersion: '2024-06-27',
  pillars: Object.fromEntries(PILLARS.map((p) => [p, { score, bestPracticesMet: 0, bestPracticesEvaluated: 0, openFindings: 0, acceptedRisks: 0 }])) as Scorecard['pillars'],
  bestPractices: [],
  undecided: [],
  unmappedRules: [],
  findings: { open: 0, accepted: 0 },
  staleAcknowledgements: [],
});

/** A hand-made stage of the video study: resources by logical ID, each under the top-level part named in its path. */
function snapshot(stage: number, resources: Record<string, TemplateResource & { part: string }>, score: number | null = 50): StageSnapshot {
  return {
    study: 'video',
    stage,
    slug: VIDEO_PLATFORM.stages[stage - 1].slug,
    stackName: 'VideoPlatform',
    variant: 'workshop',
    template: { Resources: Object.fromEntries(Object.entries(resources).map(([id, { part: _part, ...r }]) => [id, r])) },
    scorecard: card(score),
    resources: Object.fromEntries(Object.entries(resources).map(([id, r]) => [id, { type: r.Type, path: `VideoPlatform/${r.part}/${id}/Resource` }])),
  };
}

const bucket = (props: Record<string, unknown> = {}, policy = 'Retain'): TemplateResource & { part: string } => ({
  Type: 'AWS::S3::Bucket',
  Properties: props,
  DeletionPolicy: policy,
  UpdateReplacePolicy: policy,
  part: 'Media',
});

describe('noise', () => {
  test('tags, asset hashes, both, or a real change', () => {
    const hash = (c: string) => c.repeat(64);
    expect(noiseKind({ Tags: [{ Key: 'a', Value: '1' }], X: 1 }, { Tags: [{ Key: 'a', Value: '2' }], X: 1 })).toBe('tags');
    expect(noiseKind({ S3Key: `${hash('a')}.zip` }, { S3Key: `${hash('b')}.zip` })).toBe('assets');
    expect(noiseKind({ S3Key: `${hash('a')}.zip`, Tags: [] }, { S3Key: `${hash('b')}.zip`, Tags: [{ Key: 'k', Value: 'v' }] })).toBe('tags+assets');
    expect(noiseKind({ X: 1 }, { X: 2 })).toBeUndefined();
  });
});

describe('stageDiff on hand-made templates', () => {
  test('a tag-only change is folded away, a real one is listed with its property', () => {
    const d = stageDiff(
      VIDEO_PLATFORM,
      snapshot(1, { Media: bucket({ Tags: [{ Key: 'k', Value: '1' }] }), Logs: { ...bucket({ VersioningConfiguration: { Status: 'Suspended' } }), part: 'LogArchive' } }),
      snapshot(2, { Media: bucket({ Tags: [{ Key: 'k', Value: '2' }] }), Logs: { ...bucket({ VersioningConfiguration: { Status: 'Enabled' } }), part: 'LogArchive' } }),
    );
    expect(d.summary).toEqual({ added: 0, removed: 0, replaced: 0, changed: 1, noiseOnly: 1 });
    expect(d.services[0].changed).toEqual([expect.objectContaining({ logicalId: 'Logs', properties: ['VersioningConfiguration'] })]);
  });

  test('a stateful resource removed without retention is data loss; one retained is not', () => {
    const lost = stageDiff(VIDEO_PLATFORM, snapshot(1, { Media: bucket({}, 'Delete') }), snapshot(2, {}));
    expect(lost.dataSafety.verdict).toBe('data-loss');
    expect(lost.dataSafety.items).toEqual([expect.objectContaining({ logicalId: 'Media', change: 'removed', fate: 'deleted', announced: false })]);
    const kept = stageDiff(VIDEO_PLATFORM, snapshot(1, { Media: bucket() }), snapshot(2, {}));
    expect(kept.dataSafety).toMatchObject({ verdict: 'retained', items: [{ fate: 'retained', policy: 'DeletionPolicy Retain' }] });
    expect(kept.services[0].removed[0].retained).toBe(true);
  });

  test('a replacement of a stateful resource is named with the property that forces it', () => {
    const d = stageDiff(VIDEO_PLATFORM, snapshot(1, { Media: bucket({ BucketName: 'a' }, 'Delete') }), snapshot(2, { Media: bucket({ BucketName: 'b' }, 'Delete') }));
    expect(d.summary.replaced).toBe(1);
    expect(d.services[0].replaced[0].replacementCauses).toEqual(['BucketName']);
    expect(d.dataSafety).toMatchObject({ verdict: 'data-loss', items: [{ change: 'replaced', fate: 'deleted', policy: 'UpdateReplacePolicy Delete' }] });
  });

  test('a cluster member holds no data: removing it is no data item; a final snapshot is named as such', () => {
    const cluster = { Type: 'AWS::RDS::DBCluster', Properties: {}, DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot', part: 'Aurora' };
    const writer = { Type: 'AWS::RDS::DBInstance', Properties: { DBClusterIdentifier: { Ref: 'Cluster' } }, part: 'Aurora' };
    const d = stageDiff(VIDEO_PLATFORM, snapshot(1, { Cluster: cluster, Writer: writer }), snapshot(2, {}));
    expect(d.dataSafety).toMatchObject({ verdict: 'retained', items: [{ logicalId: 'Cluster', fate: 'snapshot' }] });
    const removed = d.services.flatMap((s) => s.removed);
    expect(removed.find((r) => r.logicalId === 'Cluster')).toMatchObject({ fate: 'snapshot', retained: false });
    expect(removed.find((r) => r.logicalId === 'Writer')).not.toHaveProperty('fate');
    expect(removalNote(removed.find((r) => r.logicalId === 'Cluster')!)).toBe('final snapshot');
  });

  test('going back brings a retired store back new and empty; going forward a new store is no data item', () => {
    const back = stageDiff(VIDEO_PLATFORM, snapshot(4, {}), snapshot(3, { Media: bucket() }));
    expect(back.dataSafety).toMatchObject({ verdict: 'comes-back-empty', items: [{ logicalId: 'Media', change: 'recreated', fate: 'empty', policy: 'DeletionPolicy Retain' }] });
    expect(back.dataSafety.items[0].explanation).toMatch(/new, empty .*cdk import/);
    const forward = stageDiff(VIDEO_PLATFORM, snapshot(3, {}), snapshot(4, { Media: bucket() }));
    expect(forward.dataSafety).toEqual({ verdict: 'unchanged', items: [] });
  });

  test('the scorecard change per pillar, and the direction of the step', () => {
    const d = stageDiff(VIDEO_PLATFORM, snapshot(3, {}, 70), snapshot(1, {}, 40));
    expect(d.direction).toBe('backward');
    expect(d.story.map((s) => s.stage)).toEqual([3, 2]);
    expect(d.scorecard.pillars.every((p) => p.delta === -30)).toBe(true);
  });
});

describe('the fate of data on the synthesized stages', () => {
  test('iot 4 -> 5: Aurora leaves after a final snapshot; its member instances hold no data, so nothing is lost', () => {
    const d = stageDiff(IOT_PLATFORM, sharedStore.get(IOT_PLATFORM, 4), sharedStore.get(IOT_PLATFORM, 5));
    expect(d.dataSafety.verdict).toBe('retained');
    expect(d.dataSafety.items.filter((i) => i.fate === 'deleted')).toEqual([]);
    expect(d.dataSafety.items.some((i) => i.type === 'AWS::RDS::DBInstance')).toBe(false);
    expect(d.dataSafety.items.find((i) => i.type === 'AWS::RDS::DBCluster')).toMatchObject({ change: 'removed', fate: 'snapshot' });
    const removed = d.services.flatMap((s) => s.removed).find((r) => r.type === 'AWS::RDS::DBCluster')!;
    expect(removalNote(removed)).toBe('final snapshot');
  }, 120_000);

  test('video 5 -> 1: DocumentDB comes back new and empty, and the verdict says so', () => {
    const d = stageDiff(VIDEO_PLATFORM, sharedStore.get(VIDEO_PLATFORM, 5), sharedStore.get(VIDEO_PLATFORM, 1));
    expect(d.dataSafety.verdict).toBe('comes-back-empty');
    expect(d.dataSafety.items).toContainEqual(expect.objectContaining({ type: 'AWS::DocDB::DBCluster', change: 'recreated', fate: 'empty' }));
  }, 120_000);
});

describe('architecture of a synthesized stage', () => {
  test('video 1: the load balancer in the public subnets targets the pool in the app subnets; DocumentDB sits in the data subnets', () => {
    const arch = architectureOf(sharedStore.get(VIDEO_PLATFORM, 1));
    expect(arch.tiers).toEqual(['Public', 'App', 'Data']);
    const placement = Object.fromEntries(arch.parts.map((p) => [p.id, 'tier' in p.placement ? p.placement.tier : p.placement.kind]));
    expect(placement).toMatchObject({ Entrance: 'Public', AppPool: 'App', ChatDatabase: 'Data', Media: 'data' });
    expect(arch.edges).toContainEqual({ from: 'Entrance', to: 'AppPool', kind: 'targets' });
    expect(arch.parts.find((p) => p.id === 'Entrance')!.publicEntry).toBe(true);
  }, 60_000);

  test('video 3: CloudFront takes its origin from the media bucket', () => {
    const arch = architectureOf(sharedStore.get(VIDEO_PLATFORM, 3));
    expect(arch.edges).toContainEqual({ from: 'MediaDistribution', to: 'Media', kind: 'origin' });
    expect(arch.parts.find((p) => p.id === 'MediaDistribution')!.placement.kind).toBe('edge');
  }, 60_000);
});
