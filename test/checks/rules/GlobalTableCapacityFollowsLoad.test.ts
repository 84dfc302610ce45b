import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { newStack, outcomesOf } from './support';

const partitionKey = { name: 'id', type: dynamodb.AttributeType.STRING };

describe('WellArchitected-GlobalTableCapacityFollowsLoad', () => {
  test('an on-demand global table and an auto-scaled provisioned one are compliant; fixed capacity is not', () => {
    const stack = newStack();
    new dynamodb.TableV2(stack, 'OnDemand', { partitionKey });
    new dynamodb.TableV2(stack, 'Scaled', {
      partitionKey,
      billing: dynamodb.Billing.provisioned({
        readCapacity: dynamodb.Capacity.autoscaled({ maxCapacity: 100 }),
        writeCapacity: dynamodb.Capacity.autoscaled({ maxCapacity: 100 }),
      }),
    });
    new dynamodb.TableV2(stack, 'Fixed', {
      partitionKey,
      billing: dynamodb.Billing.provisioned({ readCapacity: dynamodb.Capacity.fixed(10), writeCapacity: dynamodb.Capacity.autoscaled({ maxCapacity: 50 }) }),
    });
    expect(outcomesOf(stack, 'GlobalTableCapacityFollowsLoad')).toEqual([
      { outcome: 'compliant', path: 'S/OnDemand/Resource' },
      { outcome: 'compliant', path: 'S/Scaled/Resource' },
      { outcome: 'nonCompliant', path: 'S/Fixed/Resource' },
    ]);
  });

  test('a classic table is left to cdk-nag\'s DynamoDBAutoScalingEnabled', () => {
    const stack = newStack();
    new dynamodb.Table(stack, 'Classic', { partitionKey });
    expect(outcomesOf(stack, 'GlobalTableCapacityFollowsLoad')).toEqual([]);
  });
});
