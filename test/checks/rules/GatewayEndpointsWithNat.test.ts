import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { newStack, outcomesOf } from './support';

const S3 = { service: ec2.GatewayVpcEndpointAwsService.S3 };
const DYNAMODB = { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB };

describe('WellArchitected-GatewayEndpointsWithNat', () => {
  test('a VPC with NAT gateways and S3 and DynamoDB gateway endpoints is compliant', () => {
    const stack = newStack();
    new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1, gatewayEndpoints: { S3, DynamoDb: DYNAMODB } });
    expect(outcomesOf(stack, 'GatewayEndpointsWithNat')).toEqual([{ outcome: 'compliant', path: 'S/Vpc/Resource' }]);
  });

  test('a VPC with NAT gateways and no endpoints, or only one of them, is not', () => {
    const stack = newStack();
    new ec2.Vpc(stack, 'None', { maxAzs: 2, natGateways: 1 });
    new ec2.Vpc(stack, 'S3Only', { maxAzs: 2, natGateways: 1, gatewayEndpoints: { S3 } });
    expect(outcomesOf(stack, 'GatewayEndpointsWithNat')).toEqual([
      { outcome: 'nonCompliant', path: 'S/None/Resource' },
      { outcome: 'nonCompliant', path: 'S/S3Only/Resource' },
    ]);
  });

  test('an S3 interface endpoint, which bills by the hour and gigabyte, does not count', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1, gatewayEndpoints: { DynamoDb: DYNAMODB } });
    vpc.addInterfaceEndpoint('S3Interface', { service: ec2.InterfaceVpcEndpointAwsService.S3 });
    expect(outcomesOf(stack, 'GatewayEndpointsWithNat')).toEqual([{ outcome: 'nonCompliant', path: 'S/Vpc/Resource' }]);
  });

  test('an S3 Express One Zone endpoint is not an S3 endpoint', () => {
    const stack = newStack();
    new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1, gatewayEndpoints: { S3Express: { service: ec2.GatewayVpcEndpointAwsService.S3_EXPRESS }, DynamoDb: DYNAMODB } });
    expect(outcomesOf(stack, 'GatewayEndpointsWithNat')).toEqual([{ outcome: 'nonCompliant', path: 'S/Vpc/Resource' }]);
  });

  test("another VPC's endpoints do not serve this one", () => {
    const stack = newStack();
    new ec2.Vpc(stack, 'Nat', { maxAzs: 2, natGateways: 1 });
    new ec2.Vpc(stack, 'Endpoints', { maxAzs: 2, natGateways: 0, gatewayEndpoints: { S3, DynamoDb: DYNAMODB } });
    expect(outcomesOf(stack, 'GatewayEndpointsWithNat')).toEqual([{ outcome: 'nonCompliant', path: 'S/Nat/Resource' }]);
  });

  test('a VPC without NAT gateways is not judged', () => {
    const stack = newStack();
    new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
    expect(outcomesOf(stack, 'GatewayEndpointsWithNat')).toEqual([]);
  });
});
