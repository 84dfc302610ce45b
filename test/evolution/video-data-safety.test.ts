import { dataRisks, missingRetention } from '../../lib/evolution/data-safety';
import { noisyChanges } from '../../lib/evolution/quiet-change';
import { orderedPairs, stageChange } from '../../lib/evolution/stage-pairs';
import { VIDEO_PLATFORM } from '../../stages/video/registry';
import { idsOfType, synthVideo } from '../support/synth-stage';

const stages = VIDEO_PLATFORM.stages.map((s) => s.id);
const templates = new Map(stages.map((id) => [id, synthVideo(id).json]));

describe('video platform: nothing lost between stages', () => {
  test.each(stages)('stage %i: every stateful resource keeps its data on delete and on replace', (id) => {
    expect(missingRetention(templates.get(id)!)).toEqual([]);
  });

  test.each(orderedPairs(VIDEO_PLATFORM))('stage %i -> %i: no stateful resource is replaced, or removed unless retained and announced', (from, to) => {
    const pair = { from: templates.get(from)!, to: templates.get(to)! };
    expect(dataRisks(pair.from, pair.to, stageChange(VIDEO_PLATFORM, from, to, pair))).toEqual([]);
  });

  test.each(orderedPairs(VIDEO_PLATFORM))('stage %i -> %i: touches only what the stage changes (no tag-only updates, no needless replacement or roll)', (from, to) => {
    expect(noisyChanges(templates.get(from)!, templates.get(to)!)).toEqual([]);
  });

  test('the long-lived stores keep their logical IDs across every stage', () => {
    const first = templates.get(1)!;
    const longLived = ['AWS::EC2::VPC', 'AWS::S3::Bucket'].flatMap((type) => idsOfType(first, type));
    expect(longLived).toHaveLength(3); // VPC, log archive, media bucket
    for (const id of stages) {
      expect(Object.keys(templates.get(id)!.Resources!)).toEqual(expect.arrayContaining(longLived));
    }
  });

  test('DocumentDB lives on unchanged while kept (stages 1-3) and leaves a final snapshot, with its key and secret retained, when retired', () => {
    const [cluster] = idsOfType(templates.get(1)!, 'AWS::DocDB::DBCluster');
    expect(idsOfType(templates.get(2)!, 'AWS::DocDB::DBCluster')).toEqual([cluster]);
    expect(idsOfType(templates.get(3)!, 'AWS::DocDB::DBCluster')).toEqual([cluster]);
    expect(idsOfType(templates.get(4)!, 'AWS::DocDB::DBCluster')).toEqual([]);
    const stage3 = templates.get(3)!.Resources!;
    expect(stage3[cluster].DeletionPolicy).toBe('Snapshot');
    const key = JSON.stringify((stage3[cluster] as { Properties: { KmsKeyId: unknown } }).Properties.KmsKeyId).match(/"Fn::GetAtt":\["([^"]+)"/)![1];
    expect(stage3[key].DeletionPolicy).toBe('Retain');
    const [secret] = idsOfType(templates.get(3)!, 'AWS::SecretsManager::Secret');
    expect(stage3[secret].DeletionPolicy).toBe('Retain');
  });

  test('the catalog table created in stage 3, and the chat tables created in stage 4, keep their logical IDs to stage 5', () => {
    const catalog = idsOfType(templates.get(3)!, 'AWS::DynamoDB::GlobalTable');
    expect(catalog).toHaveLength(1);
    const tables = idsOfType(templates.get(4)!, 'AWS::DynamoDB::GlobalTable');
    expect(tables).toHaveLength(3); // catalog, connections, messages
    expect(tables).toEqual(expect.arrayContaining(catalog));
    expect(idsOfType(templates.get(5)!, 'AWS::DynamoDB::GlobalTable')).toEqual(tables);
  });
});
