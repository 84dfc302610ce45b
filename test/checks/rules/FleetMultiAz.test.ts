import { CfnResource } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { fleet, newStack, outcomesOf, vpcOf } from './support';

describe('WellArchitected-FleetMultiAz', () => {
  test('a fleet over two Availability Zones is compliant', () => {
    const stack = newStack();
    fleet(stack);
    expect(outcomesOf(stack, 'FleetMultiAz')).toEqual([{ outcome: 'compliant', path: 'S/Fleet/ASG' }]);
  });

  test('a fleet in a one-zone VPC is not', () => {
    const stack = newStack();
    fleet(stack, 'Fleet', { vpc: new ec2.Vpc(stack, 'OneZone', { maxAzs: 1, natGateways: 0 }) });
    expect(outcomesOf(stack, 'FleetMultiAz')).toEqual([{ outcome: 'nonCompliant', path: 'S/Fleet/ASG' }]);
  });

  test('a fleet pinned to one subnet of a two-zone VPC is not', () => {
    const stack = newStack();
    fleet(stack, 'Fleet', { vpcSubnets: { subnets: [vpcOf(stack).publicSubnets[0]] } });
    expect(outcomesOf(stack, 'FleetMultiAz')).toEqual([{ outcome: 'nonCompliant', path: 'S/Fleet/ASG' }]);
  });

  test('two subnets in one Availability Zone are one zone: not compliant', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Custom', { maxAzs: 1, natGateways: 0, subnetConfiguration: [
      { name: 'A', subnetType: ec2.SubnetType.PUBLIC }, { name: 'B', subnetType: ec2.SubnetType.PUBLIC },
    ] });
    fleet(stack, 'Fleet', { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } });
    expect(outcomesOf(stack, 'FleetMultiAz')).toEqual([{ outcome: 'nonCompliant', path: 'S/Fleet/ASG' }]);
  });

  test('zones named literally count as themselves', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Named', { availabilityZones: ['us-east-1a', 'us-east-1b'], natGateways: 0, subnetConfiguration: [{ name: 'P', subnetType: ec2.SubnetType.PUBLIC }] });
    fleet(stack, 'Fleet', { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } });
    expect(outcomesOf(stack, 'FleetMultiAz')).toEqual([{ outcome: 'compliant', path: 'S/Fleet/ASG' }]);
  });

  test('rules read the template as written: an escape-hatch override and a generic CfnResource are judged like L1s', () => {
    const stack = newStack();
    const subnets = vpcOf(stack).publicSubnets;
    const overridden = fleet(stack, 'Overridden');
    (overridden.node.defaultChild as CfnResource).addPropertyOverride('VPCZoneIdentifier', [subnets[0].subnetId]);
    new CfnResource(stack, 'Generic', {
      type: 'AWS::AutoScaling::AutoScalingGroup',
      properties: { MinSize: '1', MaxSize: '2', VPCZoneIdentifier: subnets.map((s) => s.subnetId), LaunchTemplate: { LaunchTemplateId: 'lt-0123456789abcdef0', Version: '1' } },
    });
    expect(outcomesOf(stack, 'FleetMultiAz')).toEqual([
      { outcome: 'nonCompliant', path: 'S/Overridden/ASG' },
      { outcome: 'compliant', path: 'S/Generic' },
    ]);
  });

  test('resources that are not fleets record nothing', () => {
    const stack = newStack();
    vpcOf(stack);
    expect(outcomesOf(stack, 'FleetMultiAz')).toEqual([]);
  });
});
