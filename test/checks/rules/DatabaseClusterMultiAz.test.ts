import { Stack } from 'aws-cdk-lib';
import * as docdb from 'aws-cdk-lib/aws-docdb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { newStack, outcomesOf, vpcOf } from './support';

function aurora(stack: Stack, readers: rds.IClusterInstance[], writerZone?: string) {
  return new rds.DatabaseCluster(stack, 'Aurora', {
    engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),
    writer: rds.ClusterInstance.serverlessV2('Writer', { availabilityZone: writerZone }),
    readers,
    vpc: vpcOf(stack),
    vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
  });
}

function documentDb(stack: Stack, instances: number) {
  return new docdb.DatabaseCluster(stack, 'Docs', {
    masterUser: { username: 'app' },
    instances,
    instanceType: new ec2.InstanceType('t4g.medium'),
    vpc: vpcOf(stack),
    vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
  });
}

describe('WellArchitected-DatabaseClusterMultiAz', () => {
  test('an Aurora cluster with a reader to fail over to is compliant', () => {
    const stack = newStack();
    aurora(stack, [rds.ClusterInstance.serverlessV2('Reader', { scaleWithWriter: true })]);
    expect(outcomesOf(stack, 'DatabaseClusterMultiAz')).toEqual([{ outcome: 'compliant', path: 'S/Aurora/Resource' }]);
  });

  test('an Aurora cluster with its writer only is not', () => {
    const stack = newStack();
    aurora(stack, []);
    expect(outcomesOf(stack, 'DatabaseClusterMultiAz')).toEqual([{ outcome: 'nonCompliant', path: 'S/Aurora/Resource' }]);
  });

  test('an Aurora cluster whose instances are all pinned to one zone is not', () => {
    const stack = newStack();
    aurora(stack, [rds.ClusterInstance.serverlessV2('Reader', { availabilityZone: 'us-east-1a' })], 'us-east-1a');
    expect(outcomesOf(stack, 'DatabaseClusterMultiAz')).toEqual([{ outcome: 'nonCompliant', path: 'S/Aurora/Resource' }]);
  });

  test('an Aurora cluster pinned to two zones is compliant', () => {
    const stack = newStack();
    aurora(stack, [rds.ClusterInstance.serverlessV2('Reader', { availabilityZone: 'us-east-1b' })], 'us-east-1a');
    expect(outcomesOf(stack, 'DatabaseClusterMultiAz')).toEqual([{ outcome: 'compliant', path: 'S/Aurora/Resource' }]);
  });

  test('a cluster whose subnet group spans one Availability Zone is not, however many instances it has', () => {
    const stack = newStack();
    const oneZone = new ec2.Vpc(stack, 'OneZone', { maxAzs: 1, natGateways: 0, subnetConfiguration: [
      { name: 'A', subnetType: ec2.SubnetType.PUBLIC }, { name: 'B', subnetType: ec2.SubnetType.PUBLIC },
    ] });
    new docdb.DatabaseCluster(stack, 'Docs', {
      masterUser: { username: 'app' }, instances: 3, instanceType: new ec2.InstanceType('t4g.medium'),
      vpc: oneZone, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    });
    expect(outcomesOf(stack, 'DatabaseClusterMultiAz')).toEqual([{ outcome: 'nonCompliant', path: 'S/Docs/Resource' }]);
  });

  test('a DocumentDB cluster needs two instances', () => {
    const two = newStack();
    documentDb(two, 2);
    const one = newStack();
    documentDb(one, 1);
    expect(outcomesOf(two, 'DatabaseClusterMultiAz')).toEqual([{ outcome: 'compliant', path: 'S/Docs/Resource' }]);
    expect(outcomesOf(one, 'DatabaseClusterMultiAz')).toEqual([{ outcome: 'nonCompliant', path: 'S/Docs/Resource' }]);
  });

  test('a Multi-AZ DB cluster (non-Aurora) is Multi-AZ by construction', () => {
    const stack = newStack();
    new rds.CfnDBCluster(stack, 'MultiAz', {
      engine: 'postgres',
      dbClusterInstanceClass: 'db.m6gd.large',
      allocatedStorage: 100,
      storageType: 'io1',
      iops: 1000,
      masterUsername: 'app',
      manageMasterUserPassword: true,
    });
    expect(outcomesOf(stack, 'DatabaseClusterMultiAz')).toEqual([{ outcome: 'compliant', path: 'S/MultiAz' }]);
  });

  test('database instances outside a cluster are not judged', () => {
    const stack = newStack();
    new rds.DatabaseInstance(stack, 'Postgres', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      multiAz: true,
      vpc: vpcOf(stack),
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    });
    expect(outcomesOf(stack, 'DatabaseClusterMultiAz')).toEqual([]);
  });
});
