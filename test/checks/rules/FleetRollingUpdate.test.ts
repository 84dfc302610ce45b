import { Duration } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { fleet, newStack, outcomesOf } from './support';

describe('WellArchitected-FleetRollingUpdate', () => {
  test('a rolling update that waits for each batch to signal is compliant', () => {
    const stack = newStack();
    fleet(stack, 'Fleet', {
      updatePolicy: autoscaling.UpdatePolicy.rollingUpdate({ maxBatchSize: 1 }),
      signals: autoscaling.Signals.waitForMinCapacity({ timeout: Duration.minutes(10) }),
    });
    expect(outcomesOf(stack, 'FleetRollingUpdate')).toEqual([{ outcome: 'compliant', path: 'S/Fleet/ASG' }]);
  });

  test('a replacing update that waits for signals is compliant', () => {
    const stack = newStack();
    fleet(stack, 'Fleet', { updatePolicy: autoscaling.UpdatePolicy.replacingUpdate(), signals: autoscaling.Signals.waitForAll() });
    expect(outcomesOf(stack, 'FleetRollingUpdate')).toEqual([{ outcome: 'compliant', path: 'S/Fleet/ASG' }]);
  });

  test('a rolling update that does not wait for signals is not', () => {
    const stack = newStack();
    fleet(stack, 'Fleet', { updatePolicy: autoscaling.UpdatePolicy.rollingUpdate() });
    expect(outcomesOf(stack, 'FleetRollingUpdate')).toEqual([{ outcome: 'nonCompliant', path: 'S/Fleet/ASG' }]);
  });

  test('a replacing update without signals, or no update policy, is not', () => {
    const stack = newStack();
    fleet(stack, 'Replacing', { updatePolicy: autoscaling.UpdatePolicy.replacingUpdate() });
    fleet(stack, 'NoPolicy');
    expect(outcomesOf(stack, 'FleetRollingUpdate')).toEqual([
      { outcome: 'nonCompliant', path: 'S/Replacing/ASG' },
      { outcome: 'nonCompliant', path: 'S/NoPolicy/ASG' },
    ]);
  });

  test('resources that are not fleets record nothing', () => {
    const stack = newStack();
    new ec2.LaunchTemplate(stack, 'Template', { instanceType: new ec2.InstanceType('t4g.small'), machineImage: ec2.MachineImage.latestAmazonLinux2023() });
    expect(outcomesOf(stack, 'FleetRollingUpdate')).toEqual([]);
  });
});
