import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { newStack, outcomesOf } from './support';

const partitionKey = { name: 'deviceId', type: dynamodb.AttributeType.STRING };
const timeKey = { name: 'timestamp', type: dynamodb.AttributeType.NUMBER };

describe('WellArchitected-TimeSeriesTableTtl', () => {
  test('a table with a numeric sort key that expires items is compliant', () => {
    const stack = newStack();
    new dynamodb.Table(stack, 'Readings', { partitionKey, sortKey: timeKey, timeToLiveAttribute: 'expiresAt' });
    new dynamodb.TableV2(stack, 'Events', { partitionKey, sortKey: timeKey, timeToLiveAttribute: 'expiresAt' });
    expect(outcomesOf(stack, 'TimeSeriesTableTtl')).toEqual([
      { outcome: 'compliant', path: 'S/Readings/Resource' },
      { outcome: 'compliant', path: 'S/Events/Resource' },
    ]);
  });

  test('a table with a numeric sort key that keeps every item is not', () => {
    const stack = newStack();
    new dynamodb.Table(stack, 'Readings', { partitionKey, sortKey: timeKey });
    new dynamodb.TableV2(stack, 'Events', { partitionKey, sortKey: timeKey });
    expect(outcomesOf(stack, 'TimeSeriesTableTtl')).toEqual([
      { outcome: 'nonCompliant', path: 'S/Readings/Resource' },
      { outcome: 'nonCompliant', path: 'S/Events/Resource' },
    ]);
  });

  test('any table with TTL on passes, whatever its key', () => {
    const stack = newStack();
    new dynamodb.Table(stack, 'Sessions', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING }, timeToLiveAttribute: 'expiresAt' });
    expect(outcomesOf(stack, 'TimeSeriesTableTtl')).toEqual([{ outcome: 'compliant', path: 'S/Sessions/Resource' }]);
  });

  test('tables without a time-ordered key, and other resources, are not judged', () => {
    const stack = newStack();
    new dynamodb.Table(stack, 'Devices', { partitionKey });
    new dynamodb.Table(stack, 'Names', { partitionKey, sortKey: { name: 'name', type: dynamodb.AttributeType.STRING } });
    new s3.Bucket(stack, 'Media');
    expect(outcomesOf(stack, 'TimeSeriesTableTtl')).toEqual([]);
  });
});
