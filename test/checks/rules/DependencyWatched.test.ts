import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { newStack, outcomesOf } from './support';

describe('WellArchitected-DependencyWatched', () => {
  test('a queue an alarm watches is compliant, one nothing watches is not', () => {
    const stack = newStack();
    const watched = new sqs.Queue(stack, 'Watched');
    new sqs.Queue(stack, 'Unwatched');
    new cloudwatch.Alarm(stack, 'Backlog', { metric: watched.metricApproximateAgeOfOldestMessage(), threshold: 300, evaluationPeriods: 1 });
    expect(outcomesOf(stack, 'DependencyWatched')).toEqual([
      { outcome: 'compliant', path: 'S/Watched/Resource' },
      { outcome: 'nonCompliant', path: 'S/Unwatched/Resource' },
    ]);
  });

  test('a queue shown on a dashboard is compliant', () => {
    const stack = newStack();
    const queue = new sqs.Queue(stack, 'Shown');
    new cloudwatch.Dashboard(stack, 'Ops', { widgets: [[new cloudwatch.GraphWidget({ left: [queue.metricApproximateNumberOfMessagesVisible()] })]] });
    expect(outcomesOf(stack, 'DependencyWatched')).toEqual([{ outcome: 'compliant', path: 'S/Shown/Resource' }]);
  });
});
