import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { newStack, outcomesOf } from './support';

const partitionKey = { name: 'id', type: dynamodb.AttributeType.STRING };

describe('WellArchitected-TablePointInTimeRecovery', () => {
  test('a table with point-in-time recovery is compliant, one without is not', () => {
    const stack = newStack();
    new dynamodb.Table(stack, 'Recoverable', { partitionKey, pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true } });
    new dynamodb.Table(stack, 'Unprotected', { partitionKey });
    expect(outcomesOf(stack, 'TablePointInTimeRecovery')).toEqual([
      { outcome: 'compliant', path: 'S/Recoverable/Resource' },
      { outcome: 'nonCompliant', path: 'S/Unprotected/Resource' },
    ]);
  });

  test('a global table (TableV2) is compliant when every replica recovers', () => {
    const stack = newStack();
    new dynamodb.TableV2(stack, 'Global', {
      partitionKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      replicas: [{ region: 'us-west-2' }],
    });
    expect(outcomesOf(stack, 'TablePointInTimeRecovery')).toEqual([{ outcome: 'compliant', path: 'S/Global/Resource' }]);
  });

  test('a global table with one replica that cannot recover is not', () => {
    const stack = newStack();
    new dynamodb.TableV2(stack, 'Global', {
      partitionKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      replicas: [{ region: 'us-west-2', pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: false } }],
    });
    new dynamodb.TableV2(stack, 'Unprotected', { partitionKey });
    expect(outcomesOf(stack, 'TablePointInTimeRecovery')).toEqual([
      { outcome: 'nonCompliant', path: 'S/Global/Resource' },
      { outcome: 'nonCompliant', path: 'S/Unprotected/Resource' },
    ]);
  });

  test('resources that are not tables record nothing', () => {
    const stack = newStack();
    new s3.Bucket(stack, 'Media');
    expect(outcomesOf(stack, 'TablePointInTimeRecovery')).toEqual([]);
  });
});
