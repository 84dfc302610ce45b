import { dataRisks, missingRetention, retirementRisks } from '../../lib/evolution/data-safety';

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

describe('what retiring a resource does to what is kept', () => {
  const sg = { Type: 'AWS::EC2::SecurityGroup', Properties: {} };
  const key = { Type: 'AWS::KMS::Key', DeletionPolicy: 'Retain', Properties: {} };
  const secret = { Type: 'AWS::SecretsManager::Secret', DeletionPolicy: 'Retain', Properties: {} };
  const instance = (policy: string, extra: Record<string, unknown> = {}) => ({
    Type: 'AWS::RDS::DBInstance',
    DeletionPolicy: policy,
    Properties: { VPCSecurityGroups: [{ 'Fn::GetAtt': ['Sg', 'GroupId'] }], KmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] }, ...extra },
  });
  const problems = (before: Record<string, unknown>) => retirementRisks({ Resources: before as never }, { Resources: {} }).map((r) => `${r.logicalId} ${r.problem}`);

  test('a retained instance keeps billing, and loses the security group it uses', () => {
    expect(problems({ Db: instance('Retain'), Sg: sg, Key: key }).sort()).toEqual(['Db retired-compute-billing', 'Sg kept-dependency-deleted']);
  });

  test('a final snapshot needs its key, not its security group', () => {
    expect(problems({ Db: instance('Snapshot'), Sg: sg, Key: key })).toEqual([]);
    expect(problems({ Db: instance('Snapshot'), Sg: sg, Key: { ...key, DeletionPolicy: 'Delete' } })).toEqual(['Key kept-dependency-deleted']);
  });

  test('deletion protection on a database that is deleted on retirement blocks the delete', () => {
    expect(problems({ Db: instance('Snapshot', { DeletionProtection: true }), Sg: sg, Key: key })).toEqual(['Db deletion-blocked']);
  });

  test('a secret attachment of a kept database must stay, or the secret loses host and port', () => {
    const cluster = { Type: 'AWS::DocDB::DBCluster', DeletionPolicy: 'Retain', Properties: {} };
    const attachment = { Type: 'AWS::SecretsManager::SecretTargetAttachment', Properties: { SecretId: { Ref: 'Secret' }, TargetId: { Ref: 'Cluster' } } };
    expect(problems({ Cluster: cluster, Secret: secret, Attachment: attachment })).toEqual(['Attachment secret-detached']);
    expect(problems({ Cluster: cluster, Secret: secret, Attachment: { ...attachment, DeletionPolicy: 'Retain' } })).toEqual([]);
  });

  test('a kept log group named after the function that wrote it keeps its logs when the function goes', () => {
    const logs = { Type: 'AWS::Logs::LogGroup', DeletionPolicy: 'Retain', Properties: { LogGroupName: { 'Fn::Join': ['', ['/aws/lambda/', { Ref: 'Fn' }]] } } };
    expect(problems({ Logs: logs, Fn: { Type: 'AWS::Lambda::Function', Properties: {} } })).toEqual([]);
  });

  test('an Aurora cluster member holds no data: it needs no retention of its own', () => {
    expect(missingRetention({ Resources: { Writer: { Type: 'AWS::RDS::DBInstance', Properties: { DBClusterIdentifier: { Ref: 'Cluster' } } } } })).toEqual([]);
  });
});
