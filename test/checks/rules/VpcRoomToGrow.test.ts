import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { newStack, outcomesOf } from './support';

describe('WellArchitected-VpcRoomToGrow', () => {
  test('a VPC with subnets in two zones and free space is compliant; one zone, or every address allocated, is not', () => {
    const stack = newStack();
    new ec2.Vpc(stack, 'Roomy', { ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'), maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 }] });
    new ec2.Vpc(stack, 'OneZone', { ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16'), maxAzs: 1, natGateways: 0, subnetConfiguration: [{ name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 }] });
    new ec2.Vpc(stack, 'Full', { ipAddresses: ec2.IpAddresses.cidr('10.2.0.0/24'), maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 25 }] });
    expect(outcomesOf(stack, 'VpcRoomToGrow')).toEqual([
      { outcome: 'compliant', path: 'S/Roomy/Resource' },
      { outcome: 'nonCompliant', path: 'S/OneZone/Resource' },
      { outcome: 'nonCompliant', path: 'S/Full/Resource' },
    ]);
  });
});
