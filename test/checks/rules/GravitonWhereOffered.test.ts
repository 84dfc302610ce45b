import { Stack } from 'aws-cdk-lib';
import * as docdb from 'aws-cdk-lib/aws-docdb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as rds from 'aws-cdk-lib/aws-rds';
import { fleet, newStack, outcomesOf, vpcOf } from './support';

const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:latest');

function fn(stack: Stack, id: string, architecture?: lambda.Architecture) {
  return new lambda.Function(stack, id, { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {};'), architecture });
}

function postgres(stack: Stack, id: string, instanceType: string) {
  return new rds.DatabaseInstance(stack, id, {
    engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
    instanceType: new ec2.InstanceType(instanceType),
    vpc: vpcOf(stack),
    vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
  });
}

describe('WellArchitected-GravitonWhereOffered', () => {
  test('EC2 fleets and instances on Graviton are compliant, on x86 they are not', () => {
    const stack = newStack();
    fleet(stack, 'Arm');
    fleet(stack, 'X86', { instanceType: new ec2.InstanceType('m5.large'), machineImage: ec2.MachineImage.latestAmazonLinux2023() });
    new ec2.Instance(stack, 'Bastion', { vpc: vpcOf(stack), instanceType: new ec2.InstanceType('c7gn.medium'), machineImage: ec2.MachineImage.latestAmazonLinux2023({ cpuType: ec2.AmazonLinuxCpuType.ARM_64 }) });
    new ec2.Instance(stack, 'Burstable', { vpc: vpcOf(stack), instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023() });
    expect(outcomesOf(stack, 'GravitonWhereOffered')).toEqual([
      { outcome: 'compliant', path: 'S/Arm/LaunchTemplate/Resource' },
      { outcome: 'nonCompliant', path: 'S/X86/LaunchTemplate/Resource' },
      { outcome: 'compliant', path: 'S/Bastion/Resource' },
      { outcome: 'nonCompliant', path: 'S/Burstable/Resource' },
    ]);
  });

  test('families with no Graviton equivalent (GPU, storage, large-memory) are not judged', () => {
    const stack = newStack();
    for (const type of ['g5.xlarge', 'p4d.24xlarge', 'i3.large', 'x1.16xlarge']) {
      new ec2.Instance(stack, type.replace(/\W/g, ''), { vpc: vpcOf(stack), instanceType: new ec2.InstanceType(type), machineImage: ec2.MachineImage.latestAmazonLinux2023() });
    }
    expect(outcomesOf(stack, 'GravitonWhereOffered')).toEqual([]);
  });

  test('Lambda functions on arm64 are compliant, on the x86 default they are not', () => {
    const stack = newStack();
    fn(stack, 'Arm', lambda.Architecture.ARM_64);
    fn(stack, 'X86');
    expect(outcomesOf(stack, 'GravitonWhereOffered')).toEqual([
      { outcome: 'compliant', path: 'S/Arm/Resource' },
      { outcome: 'nonCompliant', path: 'S/X86/Resource' },
    ]);
  });

  test('Fargate tasks on ARM64 are compliant, on the x86 default they are not', () => {
    const stack = newStack();
    new ecs.FargateTaskDefinition(stack, 'Arm', { runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.ARM64, operatingSystemFamily: ecs.OperatingSystemFamily.LINUX } }).addContainer('App', { image });
    new ecs.FargateTaskDefinition(stack, 'X86').addContainer('App', { image });
    expect(outcomesOf(stack, 'GravitonWhereOffered')).toEqual([
      { outcome: 'compliant', path: 'S/Arm/Resource' },
      { outcome: 'nonCompliant', path: 'S/X86/Resource' },
    ]);
  });

  test('tasks on EC2 capacity are judged through the fleet they run on', () => {
    const stack = newStack();
    const cluster = new ecs.Cluster(stack, 'Cluster', { vpc: vpcOf(stack) });
    cluster.addAsgCapacityProvider(new ecs.AsgCapacityProvider(stack, 'Capacity', { autoScalingGroup: fleet(stack, 'Fleet', { machineImage: ecs.EcsOptimizedImage.amazonLinux2023(ecs.AmiHardwareType.ARM) }) }));
    new ecs.Ec2TaskDefinition(stack, 'Task').addContainer('App', { image, memoryLimitMiB: 256 });
    expect(outcomesOf(stack, 'GravitonWhereOffered')).toEqual([{ outcome: 'compliant', path: 'S/Fleet/LaunchTemplate/Resource' }]);
  });

  test('RDS and DocumentDB instances on Graviton classes are compliant, on x86 classes they are not', () => {
    const stack = newStack();
    postgres(stack, 'Arm', 't4g.micro');
    postgres(stack, 'X86', 'm5.large');
    new docdb.DatabaseCluster(stack, 'Docs', {
      masterUser: { username: 'app' },
      instanceType: new ec2.InstanceType('r6g.large'),
      vpc: vpcOf(stack),
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    });
    expect(outcomesOf(stack, 'GravitonWhereOffered')).toEqual([
      { outcome: 'compliant', path: 'S/Arm/Resource' },
      { outcome: 'nonCompliant', path: 'S/X86/Resource' },
      { outcome: 'compliant', path: 'S/Docs/Instance1' },
    ]);
  });

  test('engines offered on x86 only (Oracle, SQL Server on RDS Custom) are not judged', () => {
    const stack = newStack();
    new rds.DatabaseInstance(stack, 'Oracle', {
      engine: rds.DatabaseInstanceEngine.oracleSe2({ version: rds.OracleEngineVersion.VER_19 }),
      licenseModel: rds.LicenseModel.BRING_YOUR_OWN_LICENSE,
      instanceType: new ec2.InstanceType('m5.large'),
      vpc: vpcOf(stack),
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    });
    new rds.CfnDBInstance(stack, 'CustomSqlServer', { engine: 'custom-sqlserver-se', dbInstanceClass: 'db.m5.large', allocatedStorage: '100', customIamInstanceProfile: 'AWSRDSCustomInstanceProfile' });
    expect(outcomesOf(stack, 'GravitonWhereOffered')).toEqual([]);
  });
});
