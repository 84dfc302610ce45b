import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { newStack, outcomesOf } from './support';

const partitionKey = { name: 'id', type: dynamodb.AttributeType.STRING };

describe('WellArchitected-TableContributorInsights', () => {
  test('tables recording their hot keys are compliant, tables that do not are not', () => {
    const stack = newStack();
    new dynamodb.Table(stack, 'Watched', { partitionKey, contributorInsightsSpecification: { enabled: true } });
    new dynamodb.Table(stack, 'Blind', { partitionKey });
    new dynamodb.TableV2(stack, 'GlobalWatched', { partitionKey, contributorInsightsSpecification: { enabled: true } });
    new dynamodb.TableV2(stack, 'GlobalBlind', { partitionKey });
    expect(outcomesOf(stack, 'TableContributorInsights')).toEqual([
      { outcome: 'compliant', path: 'S/Watched/Resource' },
      { outcome: 'nonCompliant', path: 'S/Blind/Resource' },
      { outcome: 'compliant', path: 'S/GlobalWatched/Resource' },
      { outcome: 'nonCompliant', path: 'S/GlobalBlind/Resource' },
    ]);
  });
});
