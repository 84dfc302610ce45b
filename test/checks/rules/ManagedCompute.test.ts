import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ivs from 'aws-cdk-lib/aws-ivs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { fleet, newStack, outcomesOf, vpcOf } from './support';

const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:latest');

describe('WellArchitected-ManagedCompute', () => {
  test('Lambda, Fargate, API Gateway (HTTP, WebSocket and REST) and IVS are compliant', () => {
    const stack = newStack();
    new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {};') });
    new ecs.FargateTaskDefinition(stack, 'Task').addContainer('App', { image });
    new apigwv2.HttpApi(stack, 'Api');
    new apigateway.RestApi(stack, 'Rest').root.addMethod('GET', new apigateway.MockIntegration());
    new ivs.CfnChannel(stack, 'Channel', {});
    expect(outcomesOf(stack, 'ManagedCompute')).toEqual([
      { outcome: 'compliant', path: 'S/Fn/Resource' },
      { outcome: 'compliant', path: 'S/Task/Resource' },
      { outcome: 'compliant', path: 'S/Api/Resource' },
      { outcome: 'compliant', path: 'S/Rest/Resource' },
      { outcome: 'compliant', path: 'S/Channel' },
    ]);
  });

  test('fleets, instances and tasks on EC2 capacity are servers the team runs', () => {
    const stack = newStack();
    fleet(stack);
    new ec2.Instance(stack, 'Server', { vpc: vpcOf(stack), instanceType: new ec2.InstanceType('t4g.small'), machineImage: ec2.MachineImage.latestAmazonLinux2023({ cpuType: ec2.AmazonLinuxCpuType.ARM_64 }) });
    new ecs.Ec2TaskDefinition(stack, 'Task').addContainer('App', { image, memoryLimitMiB: 256 });
    expect(outcomesOf(stack, 'ManagedCompute')).toEqual([
      { outcome: 'nonCompliant', path: 'S/Fleet/ASG' },
      { outcome: 'nonCompliant', path: 'S/Server/Resource' },
      { outcome: 'nonCompliant', path: 'S/Task/Resource' },
    ]);
  });

  test('resources that are not compute record nothing', () => {
    const stack = newStack();
    new s3.Bucket(stack, 'Media');
    expect(outcomesOf(stack, 'ManagedCompute')).toEqual([]);
  });
});
