import { Duration, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { newStack, outcomesOf } from './support';

const fn = (stack: Stack, id: string, props: Partial<lambda.FunctionProps> = {}) =>
  new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => {};'),
    ...props,
  });

describe('WellArchitected-LambdaAsyncFailureDestination', () => {
  test('functions invoked asynchronously (S3, SNS, EventBridge) with no failure destination or DLQ are not compliant', () => {
    const stack = newStack();
    new s3.Bucket(stack, 'Uploads').addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(fn(stack, 'OnUpload')));
    new sns.Topic(stack, 'Topic').addSubscription(new subscriptions.LambdaSubscription(fn(stack, 'OnMessage')));
    new events.Rule(stack, 'Daily', { schedule: events.Schedule.rate(Duration.days(1)), targets: [new targets.LambdaFunction(fn(stack, 'Nightly'))] });
    expect(outcomesOf(stack, 'LambdaAsyncFailureDestination')).toEqual([
      { outcome: 'nonCompliant', path: 'S/OnUpload/Resource' },
      { outcome: 'nonCompliant', path: 'S/OnMessage/Resource' },
      { outcome: 'nonCompliant', path: 'S/Nightly/Resource' },
    ]);
  });

  test('an on-failure destination or a dead-letter queue keeps the events that fail every retry: compliant', () => {
    const stack = newStack();
    const failed = new sqs.Queue(stack, 'Failed');
    const withDestination = fn(stack, 'WithDestination', { onFailure: new destinations.SqsDestination(failed) });
    const withDlq = fn(stack, 'WithDlq', { deadLetterQueue: failed });
    const topic = new sns.Topic(stack, 'Topic');
    topic.addSubscription(new subscriptions.LambdaSubscription(withDestination));
    topic.addSubscription(new subscriptions.LambdaSubscription(withDlq));
    expect(outcomesOf(stack, 'LambdaAsyncFailureDestination')).toEqual([
      { outcome: 'compliant', path: 'S/WithDestination/Resource' },
      { outcome: 'compliant', path: 'S/WithDlq/Resource' },
    ]);
  });

  test('functions invoked only synchronously (an event source mapping, a URL) or by nothing in the stack are not judged', () => {
    const stack = newStack();
    fn(stack, 'Consumer').addEventSource(new sources.SqsEventSource(new sqs.Queue(stack, 'Work')));
    fn(stack, 'Web').addFunctionUrl();
    fn(stack, 'Idle');
    expect(outcomesOf(stack, 'LambdaAsyncFailureDestination')).toEqual([]);
  });
  test('a function invoked through an alias is judged like one invoked directly, and its alias\'s failure destination counts', () => {
    const stack = newStack();
    const failed = new sqs.Queue(stack, 'Failed');
    const rule = new events.Rule(stack, 'Daily', { schedule: events.Schedule.rate(Duration.days(1)) });
    const guarded = new lambda.Alias(stack, 'GuardedLive', { aliasName: 'live', version: fn(stack, 'Guarded').currentVersion });
    guarded.configureAsyncInvoke({ onFailure: new destinations.SqsDestination(failed) });
    rule.addTarget(new targets.LambdaFunction(guarded));
    rule.addTarget(new targets.LambdaFunction(new lambda.Alias(stack, 'BareLive', { aliasName: 'live', version: fn(stack, 'Bare').currentVersion })));
    expect(outcomesOf(stack, 'LambdaAsyncFailureDestination')).toEqual([
      { outcome: 'compliant', path: 'S/Guarded/Resource' },
      { outcome: 'nonCompliant', path: 'S/Bare/Resource' },
    ]);
  });
});
