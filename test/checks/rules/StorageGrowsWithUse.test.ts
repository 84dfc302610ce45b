import { Stack } from 'aws-cdk-lib';
import * as docdb from 'aws-cdk-lib/aws-docdb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { newStack, outcomesOf, vpcOf } from './support';

function postgres(stack: Stack, id: string, storage: { allocatedStorage?: number; maxAllocatedStorage?: number }) {
  return new rds.DatabaseInstance(stack, id, {
    engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
    ...storage,
    vpc: vpcOf(stack),
    vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
  });
}

describe('WellArchitected-StorageGrowsWithUse', () => {
  test('an instance with storage autoscaling is compliant', () => {
    const stack = newStack();
    postgres(stack, 'Db', { allocatedStorage: 20, maxAllocatedStorage: 200 });
    expect(outcomesOf(stack, 'StorageGrowsWithUse')).toEqual([{ outcome: 'compliant', path: 'S/Db/Resource' }]);
  });

  test('an instance with provisioned storage, or a ceiling no higher than it, is not', () => {
    const stack = newStack();
    postgres(stack, 'Fixed', {});
    postgres(stack, 'Capped', { allocatedStorage: 100, maxAllocatedStorage: 100 });
    expect(outcomesOf(stack, 'StorageGrowsWithUse')).toEqual([
      { outcome: 'nonCompliant', path: 'S/Fixed/Resource' },
      { outcome: 'nonCompliant', path: 'S/Capped/Resource' },
    ]);
  });

  test('Aurora and DocumentDB cluster volumes grow by use; their instances are not judged', () => {
    const stack = newStack();
    new rds.DatabaseCluster(stack, 'Aurora', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),
      writer: rds.ClusterInstance.serverlessV2('Writer'),
      vpc: vpcOf(stack),
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    });
    new docdb.DatabaseCluster(stack, 'Docs', {
      masterUser: { username: 'app' },
      instanceType: new ec2.InstanceType('t4g.medium'),
      vpc: vpcOf(stack),
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    });
    expect(outcomesOf(stack, 'StorageGrowsWithUse')).toEqual([
      { outcome: 'compliant', path: 'S/Aurora/Resource' },
      { outcome: 'compliant', path: 'S/Docs/Resource' },
    ]);
  });

  test('a Multi-AZ DB cluster (non-Aurora) provisions its storage', () => {
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
    expect(outcomesOf(stack, 'StorageGrowsWithUse')).toEqual([{ outcome: 'nonCompliant', path: 'S/MultiAz' }]);
  });

  test('resources that are not databases record nothing', () => {
    const stack = newStack();
    new s3.Bucket(stack, 'Media');
    expect(outcomesOf(stack, 'StorageGrowsWithUse')).toEqual([]);
  });
});
