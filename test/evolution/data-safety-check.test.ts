import { dataRisks, missingRetention } from '../../lib/evolution/data-safety';

describe('the data-safety check itself', () => {
  const bucket = { Type: 'AWS::S3::Bucket', DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Properties: {} };

  test('flags a stateful resource that would be deleted with the stack', () => {
    const risks = missingRetention({ Resources: { Media: { ...bucket, DeletionPolicy: 'Delete' } } });
    expect(risks.map((r) => r.problem)).toEqual(['no-retention-policy']);
  });

  test('flags a removal without retention', () => {
    const before = { Resources: { Table: { Type: 'AWS::DynamoDB::Table', Properties: { KeySchema: [] }, Metadata: { 'aws:cdk:path': 'S/Chat/Table/Resource' } } } };
    expect(dataRisks(before, { Resources: {} }, { retiredParts: ['Chat'] }).map((r) => r.problem)).toEqual(['removed-without-retention']);
  });

  test('flags a replacement (a changed bucket name creates a new, empty bucket)', () => {
    const before = { Resources: { Media: { ...bucket, Properties: { BucketName: 'a' } } } };
    const after = { Resources: { Media: { ...bucket, Properties: { BucketName: 'b' } } } };
    expect(dataRisks(before, after).map((r) => r.problem)).toEqual(['replaced']);
  });

  const at = (path: string) => ({ ...bucket, Metadata: { 'aws:cdk:path': path } });

  test('flags a move to a new logical ID even when the old resource is retained', () => {
    const before = { Resources: { MediaBucketA: at('S/Media/Bucket/Resource') } };
    const after = { Resources: { StorageMediaBucketB: at('S/Storage/Media/Bucket/Resource') } };
    expect(dataRisks(before, after, { retiredParts: [] }).map((r) => r.problem)).toEqual(['removed-unannounced']);
  });

  test('accepts a retained removal of a retired part and an in-place update', () => {
    const before = {
      Resources: { Media: { ...at('S/Media/Bucket/Resource'), Properties: { VersioningConfiguration: { Status: 'Suspended' } } }, Old: at('S/Legacy/Bucket/Resource') },
    };
    const after = { Resources: { Media: { ...at('S/Media/Bucket/Resource'), Properties: { VersioningConfiguration: { Status: 'Enabled' } } } } };
    expect(dataRisks(before, after, { retiredParts: ['Legacy'] })).toEqual([]);
  });
});
