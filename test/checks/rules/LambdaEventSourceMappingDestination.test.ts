import { Duration } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { newStack, outcomesOf } from './support';

const fn = (scope: Construct, id: string) =>
  new lambda.Function(scope, id, { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {}') });

describe('WellArchitected-LambdaEventSourceMappingDestination', () => {
  test('an SQS source is judged by its queue: compliant with a dead-letter queue in its redrive policy, not without', () => {
    const stack = newStack();
    const dlq = new sqs.Queue(stack, 'Dlq');
    const kept = new sqs.Queue(stack, 'Kept', { deadLetterQueue: { queue: dlq, maxReceiveCount: 3 } });
    const lost = new sqs.Queue(stack, 'Lost', { visibilityTimeout: Duration.minutes(6) });
    fn(stack, 'FromKept').addEventSource(new sources.SqsEventSource(kept));
    fn(stack, 'FromLost').addEventSource(new sources.SqsEventSource(lost));
    expect(outcomesOf(stack, 'LambdaEventSourceMappingDestination')).toEqual([
      { outcome: 'compliant', path: 'S/FromKept/SqsEventSource:SKept3CDF439F/Resource' },
      { outcome: 'nonCompliant', path: 'S/FromLost/SqsEventSource:SLostE7EEF93E/Resource' },
    ]);
  });

  test('a stream source needs its own on-failure destination, as cdk-nag\'s rule says', () => {
    const stack = newStack();
    const table = new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING }, stream: dynamodb.StreamViewType.NEW_IMAGE });
    const failures = new sqs.Queue(stack, 'Failures');
    fn(stack, 'WithDestination').addEventSource(new sources.DynamoEventSource(table, { startingPosition: lambda.StartingPosition.LATEST, onFailure: new sources.SqsDlq(failures) }));
    fn(stack, 'Without').addEventSource(new sources.DynamoEventSource(table, { startingPosition: lambda.StartingPosition.LATEST }));
    expect(outcomesOf(stack, 'LambdaEventSourceMappingDestination').map((o) => o.outcome)).toEqual(['compliant', 'nonCompliant']);
  });
});
