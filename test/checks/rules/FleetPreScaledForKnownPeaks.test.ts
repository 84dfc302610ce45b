import { Tags } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import { fleet, newStack, outcomesOf } from './support';

function eventFleet(stack: Parameters<typeof fleet>[0], id = 'Fleet') {
  const asg = fleet(stack, id, { minCapacity: 2, maxCapacity: 20 });
  Tags.of(asg).add('wa:demand', 'scheduled-events');
  return asg;
}

describe('WellArchitected-FleetPreScaledForKnownPeaks', () => {
  test('a fleet scaled up on a schedule before its events is compliant', () => {
    const stack = newStack();
    eventFleet(stack).scaleOnSchedule('BeforeShow', { schedule: autoscaling.Schedule.cron({ weekDay: 'FRI', hour: '18', minute: '30' }), minCapacity: 10 });
    expect(outcomesOf(stack, 'FleetPreScaledForKnownPeaks')).toEqual([{ outcome: 'compliant', path: 'S/Fleet/ASG' }]);
  });

  test('a fleet with predictive scaling is compliant', () => {
    const stack = newStack();
    const asg = eventFleet(stack);
    new autoscaling.CfnScalingPolicy(stack, 'Predictive', {
      autoScalingGroupName: asg.autoScalingGroupName,
      policyType: 'PredictiveScaling',
      predictiveScalingConfiguration: {
        metricSpecifications: [{ targetValue: 50, predefinedMetricPairSpecification: { predefinedMetricType: 'ASGCPUUtilization' } }],
      },
    });
    expect(outcomesOf(stack, 'FleetPreScaledForKnownPeaks')).toEqual([{ outcome: 'compliant', path: 'S/Fleet/ASG' }]);
  });

  test('a fleet that only reacts to load is not', () => {
    const stack = newStack();
    eventFleet(stack).scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
    expect(outcomesOf(stack, 'FleetPreScaledForKnownPeaks')).toEqual([{ outcome: 'nonCompliant', path: 'S/Fleet/ASG' }]);
  });

  test("another fleet's schedule does not prepare this one", () => {
    const stack = newStack();
    fleet(stack, 'Other').scaleOnSchedule('Nightly', { schedule: autoscaling.Schedule.cron({ hour: '2', minute: '0' }), minCapacity: 0 });
    eventFleet(stack);
    expect(outcomesOf(stack, 'FleetPreScaledForKnownPeaks')).toEqual([{ outcome: 'nonCompliant', path: 'S/Fleet/ASG' }]);
  });

  test('a fleet that declares no scheduled demand is not judged', () => {
    const stack = newStack();
    fleet(stack).scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
    expect(outcomesOf(stack, 'FleetPreScaledForKnownPeaks')).toEqual([]);
  });
});
