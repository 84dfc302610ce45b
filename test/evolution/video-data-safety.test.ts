import { dataRisks, missingRetention } from '../../lib/evolution/data-safety';
import { VIDEO_PLATFORM } from '../../stages/video/registry';
import { idsOfType, synthVideo } from '../support/synth-video';

const stages = VIDEO_PLATFORM.stages.map((s) => s.id);
const templates = new Map(stages.map((id) => [id, synthVideo(id).json]));

describe('video platform: nothing lost between stages', () => {
  test.each(stages)('stage %i: every stateful resource keeps its data on delete and on replace', (id) => {
    expect(missingRetention(templates.get(id)!)).toEqual([]);
  });

  test.each(stages.slice(0, -1))('stage %i -> next: no stateful resource is removed without retention, replaced or moved', (id) => {
    expect(dataRisks(templates.get(id)!, templates.get(id + 1)!)).toEqual([]);
  });

  test('the long-lived stores keep their logical IDs across every stage', () => {
    const first = templates.get(1)!;
    const longLived = ['AWS::EC2::VPC', 'AWS::S3::Bucket'].flatMap((type) => idsOfType(first, type));
    expect(longLived).toHaveLength(3); // VPC, log archive, media bucket
    for (const id of stages) {
      expect(Object.keys(templates.get(id)!.Resources!)).toEqual(expect.arrayContaining(longLived));
    }
  });

  test('DocumentDB lives on unchanged while kept (stages 1-3) and is retained, not deleted, when retired', () => {
    const [cluster] = idsOfType(templates.get(1)!, 'AWS::DocDB::DBCluster');
    expect(idsOfType(templates.get(2)!, 'AWS::DocDB::DBCluster')).toEqual([cluster]);
    expect(idsOfType(templates.get(3)!, 'AWS::DocDB::DBCluster')).toEqual([cluster]);
    expect(idsOfType(templates.get(4)!, 'AWS::DocDB::DBCluster')).toEqual([]);
    expect(templates.get(3)!.Resources![cluster].DeletionPolicy).toBe('Retain');
  });

  test('the connections table created in stage 4 keeps its logical ID in stage 5', () => {
    const tables = idsOfType(templates.get(4)!, 'AWS::DynamoDB::GlobalTable');
    expect(tables).toHaveLength(1);
    expect(idsOfType(templates.get(5)!, 'AWS::DynamoDB::GlobalTable')).toEqual(tables);
  });
});

describe('the data-safety check itself', () => {
  const bucket = { Type: 'AWS::S3::Bucket', DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Properties: {} };

  test('flags a stateful resource that would be deleted with the stack', () => {
    const risks = missingRetention({ Resources: { Media: { ...bucket, DeletionPolicy: 'Delete' } } });
    expect(risks.map((r) => r.problem)).toEqual(['no-retention-policy']);
  });

  test('flags a removal without retention', () => {
    const before = { Resources: { Table: { Type: 'AWS::DynamoDB::Table', Properties: { KeySchema: [] } } } };
    expect(dataRisks(before, { Resources: {} }).map((r) => r.problem)).toEqual(['removed-without-retention']);
  });

  test('flags a replacement (a changed bucket name creates a new, empty bucket)', () => {
    const before = { Resources: { Media: { ...bucket, Properties: { BucketName: 'a' } } } };
    const after = { Resources: { Media: { ...bucket, Properties: { BucketName: 'b' } } } };
    expect(dataRisks(before, after).map((r) => r.problem)).toEqual(['replaced']);
  });

  test('flags a move to a new logical ID even when the old resource is retained', () => {
    const before = { Resources: { MediaBucketA: bucket } };
    const after = { Resources: { StorageMediaBucketB: bucket } };
    expect(dataRisks(before, after).map((r) => r.problem)).toEqual(['moved']);
  });

  test('accepts a retained removal and an in-place update', () => {
    const before = { Resources: { Media: { ...bucket, Properties: { VersioningConfiguration: { Status: 'Suspended' } } }, Old: bucket } };
    const after = { Resources: { Media: { ...bucket, Properties: { VersioningConfiguration: { Status: 'Enabled' } } } } };
    expect(dataRisks(before, after)).toEqual([]);
  });
});
