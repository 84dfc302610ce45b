import { dataRisks, missingRetention } from '../../lib/evolution/data-safety';
import { noisyChanges } from '../../lib/evolution/quiet-change';
import { orderedPairs, stageChange } from '../../lib/evolution/stage-pairs';
import { IOT_PLATFORM } from '../../stages/iot/registry';
import { idsOfType, synthIot } from '../support/synth-stage';

const stages = IOT_PLATFORM.stages.map((s) => s.id);
const templates = new Map(stages.map((id) => [id, synthIot(id).json]));

describe('IoT platform: nothing lost between stages', () => {
  test.each(stages)('stage %i: every stateful resource keeps its data on delete and on replace', (id) => {
    expect(missingRetention(templates.get(id)!)).toEqual([]);
  });

  test.each(orderedPairs(IOT_PLATFORM))('stage %i -> %i: no stateful resource is replaced, or removed unless retained and announced', (from, to) => {
    const pair = { from: templates.get(from)!, to: templates.get(to)! };
    expect(dataRisks(pair.from, pair.to, stageChange(IOT_PLATFORM, from, to, pair))).toEqual([]);
  });

  test.each(orderedPairs(IOT_PLATFORM))('stage %i -> %i: touches only what the stage changes (no tag-only updates, no needless replacement or roll)', (from, to) => {
    expect(noisyChanges(templates.get(from)!, templates.get(to)!)).toEqual([]);
  });

  test('the VPC and the log archive keep their logical IDs across every stage', () => {
    const first = templates.get(1)!;
    const longLived = ['AWS::EC2::VPC', 'AWS::S3::Bucket'].flatMap((type) => idsOfType(first, type));
    expect(longLived).toHaveLength(2);
    for (const id of stages) expect(Object.keys(templates.get(id)!.Resources!)).toEqual(expect.arrayContaining(longLived));
  });

  test('Oracle leaves a final snapshot, its key and its credentials when Aurora takes over', () => {
    const first = templates.get(1)!.Resources!;
    const [oracle] = idsOfType(templates.get(1)!, 'AWS::RDS::DBInstance');
    expect(first[oracle].DeletionPolicy).toBe('Snapshot');
    expect(idsOfType(templates.get(2)!, 'AWS::RDS::DBInstance')).not.toContain(oracle);
    for (const type of ['AWS::KMS::Key', 'AWS::SecretsManager::Secret']) {
      for (const id of idsOfType(templates.get(1)!, type).filter((i) => i.startsWith('Oracle') || i.includes('Oracle'))) {
        expect(first[id].DeletionPolicy).toBe('Retain');
      }
    }
  });

  test('Aurora lives on unchanged through stages 2-4 and leaves a final snapshot when stage 5 retires it', () => {
    const [cluster] = idsOfType(templates.get(2)!, 'AWS::RDS::DBCluster');
    for (const id of [3, 4]) expect(idsOfType(templates.get(id)!, 'AWS::RDS::DBCluster')).toEqual([cluster]);
    expect(idsOfType(templates.get(5)!, 'AWS::RDS::DBCluster')).toEqual([]);
    expect(templates.get(4)!.Resources![cluster].DeletionPolicy).toBe('Snapshot');
  });

  test('the archive (from stage 3) and the real-time table (from stage 4) keep their logical IDs', () => {
    const archive = idsOfType(templates.get(3)!, 'AWS::S3::Bucket');
    for (const id of [4, 5]) expect(idsOfType(templates.get(id)!, 'AWS::S3::Bucket')).toEqual(expect.arrayContaining(archive));
    const [table] = idsOfType(templates.get(4)!, 'AWS::DynamoDB::GlobalTable');
    expect(idsOfType(templates.get(5)!, 'AWS::DynamoDB::GlobalTable')).toEqual([table]);
  });
});
