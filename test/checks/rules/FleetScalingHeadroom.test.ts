import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { acknowledge } from '../../../lib/checks/acknowledge';
import { fleet, newStack, outcomesOf } from './support';

describe('WellArchitected-FleetScalingHeadroom', () => {
  test('a fleet that can double and scales on CPU is compliant', () => {
    const stack = newStack();
    fleet(stack, 'Fleet', { minCapacity: 2, maxCapacity: 4 }).scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
    expect(outcomesOf(stack, 'FleetScalingHeadroom')).toEqual([{ outcome: 'compliant', path: 'S/Fleet/ASG' }]);
  });

  test('a ceiling below twice the floor is MaxBelowTwiceMin', () => {
    const stack = newStack();
    fleet(stack, 'Fleet', { minCapacity: 2, maxCapacity: 3 }).scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
    expect(outcomesOf(stack, 'FleetScalingHeadroom')).toEqual([{ outcome: 'nonCompliant', path: 'S/Fleet/ASG', finding: 'MaxBelowTwiceMin' }]);
  });

  test('a fleet nothing scales is NoScalingPolicy, and a fixed fleet is both', () => {
    const stack = newStack();
    fleet(stack, 'Elastic', { minCapacity: 1, maxCapacity: 4 });
    fleet(stack, 'Fixed', { minCapacity: 2, maxCapacity: 2 });
    expect(outcomesOf(stack, 'FleetScalingHeadroom')).toEqual([
      { outcome: 'nonCompliant', path: 'S/Elastic/ASG', finding: 'NoScalingPolicy' },
      { outcome: 'nonCompliant', path: 'S/Fixed/ASG', finding: 'MaxBelowTwiceMin' },
      { outcome: 'nonCompliant', path: 'S/Fixed/ASG', finding: 'NoScalingPolicy' },
    ]);
  });

  test('a floor of zero needs a ceiling of at least two', () => {
    const stack = newStack();
    fleet(stack, 'One', { minCapacity: 0, maxCapacity: 1 }).scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
    fleet(stack, 'Two', { minCapacity: 0, maxCapacity: 2 }).scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
    expect(outcomesOf(stack, 'FleetScalingHeadroom')).toEqual([
      { outcome: 'nonCompliant', path: 'S/One/ASG', finding: 'MaxBelowTwiceMin' },
      { outcome: 'compliant', path: 'S/Two/ASG' },
    ]);
  });

  test("another fleet's policy does not scale this one", () => {
    const stack = newStack();
    fleet(stack, 'Scaled', { minCapacity: 1, maxCapacity: 4 }).scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
    fleet(stack, 'Unscaled', { minCapacity: 1, maxCapacity: 4 });
    expect(outcomesOf(stack, 'FleetScalingHeadroom')).toEqual([
      { outcome: 'compliant', path: 'S/Scaled/ASG' },
      { outcome: 'nonCompliant', path: 'S/Unscaled/ASG', finding: 'NoScalingPolicy' },
    ]);
  });

  test('a finding acknowledged on the fleet is recorded as acknowledged', () => {
    const stack = newStack();
    const asg = fleet(stack, 'Fleet', { minCapacity: 1, maxCapacity: 4 });
    acknowledge(asg, { rule: 'WellArchitected-FleetScalingHeadroom[NoScalingPolicy]', reason: 'Stage 1 scales by hand, which is the lesson.' });
    expect(outcomesOf(stack, 'FleetScalingHeadroom')).toEqual([{ outcome: 'acknowledged', path: 'S/Fleet/ASG', finding: 'NoScalingPolicy' }]);
  });

  test('resources that are not fleets record nothing', () => {
    const stack = newStack();
    new ec2.LaunchTemplate(stack, 'Template', { instanceType: new ec2.InstanceType('t4g.small'), machineImage: ec2.MachineImage.latestAmazonLinux2023() });
    expect(outcomesOf(stack, 'FleetScalingHeadroom')).toEqual([]);
  });
});
