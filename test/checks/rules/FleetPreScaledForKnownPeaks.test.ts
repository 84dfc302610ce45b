import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import { fleet, newStack, outcomesOf } from './support';

describe('WellArchitected-FleetPreScaledForKnownPeaks', () => {
  test('a fleet scaled up on a schedule before its events is compliant', () => {
    const stack = newStack();
    fleet(stack, 'Fleet', { minCapacity: 2, maxCapacity: 20 }).scaleOnSchedule('BeforeShow', {
      schedule: autoscaling.Schedule.cron({ weekDay: 'FRI', hour: '18', minute: '30' }),
      minCapacity: 10,
    });
    expect(outcomesOf(stack, 'FleetPreScaledForKnownPeaks')).toEqual([{ outcome: 'compliant', path: 'S/Fleet/ASG' }]);
  });

  test('a fleet with predictive scaling is compliant', () => {
    const stack = newStack();
    const asg = fleet(stack, 'Fleet', { minCapacity: 2, maxCapacity: 20 });
    new autoscaling.CfnScalingPolicy(stack, 'Predictive', {
      autoScalingGroupName: asg.autoScalingGroupName,
      policyType: 'PredictiveScaling',
      predictiveScalingConfiguration: {
        metricSpecifications: [{ targetValue: 50, predefinedMetricPairSpecification: { predefinedMetricType: 'ASGCPUUtilization' } }],
      },
    });
    expect(outcomesOf(stack, 'FleetPreScaledForKnownPeaks')).toEqual([{ outcome: 'compliant', path: 'S/Fleet/ASG' }]);
  });

  // Whether demand peaks at known times is business knowledge no template holds: without a schedule or
  // forecast the rule has no evidence either way, so it stays silent rather than fail every fleet.
  test('a fleet that only reacts to load is not judged (the template cannot show that its peaks are known)', () => {
    const stack = newStack();
    fleet(stack).scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
    expect(outcomesOf(stack, 'FleetPreScaledForKnownPeaks')).toEqual([]);
  });

  test("another fleet's schedule does not count for this one", () => {
    const stack = newStack();
    fleet(stack, 'Other').scaleOnSchedule('Nightly', { schedule: autoscaling.Schedule.cron({ hour: '2', minute: '0' }), minCapacity: 0 });
    fleet(stack, 'Fleet');
    expect(outcomesOf(stack, 'FleetPreScaledForKnownPeaks')).toEqual([{ outcome: 'compliant', path: 'S/Other/ASG' }]);
  });
});
