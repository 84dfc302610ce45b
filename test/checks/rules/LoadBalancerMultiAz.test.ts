import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { newStack, outcomesOf, vpcOf } from './support';

describe('WellArchitected-LoadBalancerMultiAz', () => {
  test('a load balancer in two zones is compliant', () => {
    const stack = newStack();
    new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: vpcOf(stack), internetFacing: true });
    expect(outcomesOf(stack, 'LoadBalancerMultiAz')).toEqual([{ outcome: 'compliant', path: 'S/Alb/Resource' }]);
  });

  test('subnet mappings over two zones count like subnets', () => {
    const stack = newStack();
    const vpc = vpcOf(stack);
    new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc, internetFacing: true, subnetMappings: vpc.publicSubnets.map((subnet) => ({ subnet })) });
    expect(outcomesOf(stack, 'LoadBalancerMultiAz')).toEqual([{ outcome: 'compliant', path: 'S/Nlb/Resource' }]);
  });

  test('a load balancer in one zone is not', () => {
    const stack = newStack();
    const vpc = vpcOf(stack);
    new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc, internetFacing: true, vpcSubnets: { subnets: [vpc.publicSubnets[0]] } });
    new elbv2.NetworkLoadBalancer(stack, 'Mapped', { vpc, internetFacing: true, subnetMappings: [{ subnet: vpc.publicSubnets[0] }] });
    expect(outcomesOf(stack, 'LoadBalancerMultiAz')).toEqual([
      { outcome: 'nonCompliant', path: 'S/Nlb/Resource' },
      { outcome: 'nonCompliant', path: 'S/Mapped/Resource' },
    ]);
  });

  test('two subnets in one Availability Zone are one zone: not compliant', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'OneZone', { maxAzs: 1, natGateways: 0, subnetConfiguration: [
      { name: 'A', subnetType: ec2.SubnetType.PUBLIC }, { name: 'B', subnetType: ec2.SubnetType.PUBLIC },
    ] });
    new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc, internetFacing: true, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } });
    expect(outcomesOf(stack, 'LoadBalancerMultiAz')).toEqual([{ outcome: 'nonCompliant', path: 'S/Nlb/Resource' }]);
  });

  test('resources that are not load balancers record nothing', () => {
    const stack = newStack();
    new ec2.Vpc(stack, 'OneZone', { maxAzs: 1, natGateways: 0 });
    expect(outcomesOf(stack, 'LoadBalancerMultiAz')).toEqual([]);
  });
});
