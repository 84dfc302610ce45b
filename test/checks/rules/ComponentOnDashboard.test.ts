import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { fleet, newStack, outcomesOf } from './support';

const inline = { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {};') };

describe('WellArchitected-ComponentOnDashboard', () => {
  test('components a dashboard graphs are compliant, the others are not', () => {
    const stack = newStack();
    const shown = new lambda.Function(stack, 'Shown', inline);
    new lambda.Function(stack, 'Hidden', inline);
    const asg = fleet(stack);
    new cloudwatch.Dashboard(stack, 'Health', {
      widgets: [[
        new cloudwatch.GraphWidget({ title: 'Errors', left: [shown.metricErrors()] }),
        new cloudwatch.SingleValueWidget({
          metrics: [new cloudwatch.Metric({ namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensionsMap: { AutoScalingGroupName: asg.autoScalingGroupName } })],
        }),
      ]],
    });
    expect(outcomesOf(stack, 'ComponentOnDashboard')).toEqual([
      { outcome: 'compliant', path: 'S/Shown/Resource' },
      { outcome: 'nonCompliant', path: 'S/Hidden/Resource' },
      { outcome: 'compliant', path: 'S/Fleet/ASG' },
    ]);
  });

  test('without a dashboard no component is shown', () => {
    const stack = newStack();
    new lambda.Function(stack, 'Fn', inline);
    expect(outcomesOf(stack, 'ComponentOnDashboard')).toEqual([{ outcome: 'nonCompliant', path: 'S/Fn/Resource' }]);
  });

  test('resources that are not workload components record nothing', () => {
    const stack = newStack();
    new s3.Bucket(stack, 'Media');
    expect(outcomesOf(stack, 'ComponentOnDashboard')).toEqual([]);
  });
});
