import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as docdb from 'aws-cdk-lib/aws-docdb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { newStack, outcomesOf, vpcOf } from './support';

const aurora = rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 });
const subnets = { subnetType: ec2.SubnetType.PUBLIC };

describe('WellArchitected-DatabaseCapacityFollowsLoad', () => {
  test('Aurora Serverless v2 members follow load; fixed instance classes do not', () => {
    const stack = newStack();
    new rds.DatabaseCluster(stack, 'Serverless', {
      engine: aurora, vpc: vpcOf(stack), vpcSubnets: subnets, serverlessV2MinCapacity: 0.5, serverlessV2MaxCapacity: 8,
      writer: rds.ClusterInstance.serverlessV2('Writer'), readers: [rds.ClusterInstance.serverlessV2('Reader', { scaleWithWriter: true })],
    });
    new rds.DatabaseCluster(stack, 'Fixed', {
      engine: aurora, vpc: vpcOf(stack), vpcSubnets: subnets,
      writer: rds.ClusterInstance.provisioned('Writer', { instanceType: ec2.InstanceType.of(ec2.InstanceClass.R7G, ec2.InstanceSize.LARGE) }),
    });
    expect(outcomesOf(stack, 'DatabaseCapacityFollowsLoad')).toEqual([
      { outcome: 'compliant', path: 'S/Serverless/Resource' },
      { outcome: 'nonCompliant', path: 'S/Fixed/Resource' },
    ]);
  });

  test('a provisioned writer with a serverless reader is still sized for the peak', () => {
    const stack = newStack();
    new rds.DatabaseCluster(stack, 'Mixed', {
      engine: aurora, vpc: vpcOf(stack), vpcSubnets: subnets, serverlessV2MinCapacity: 0.5, serverlessV2MaxCapacity: 8,
      writer: rds.ClusterInstance.provisioned('Writer', { instanceType: ec2.InstanceType.of(ec2.InstanceClass.R7G, ec2.InstanceSize.LARGE) }),
      readers: [rds.ClusterInstance.serverlessV2('Reader')],
    });
    expect(outcomesOf(stack, 'DatabaseCapacityFollowsLoad')).toEqual([{ outcome: 'nonCompliant', path: 'S/Mixed/Resource' }]);
  });

  test('Aurora replicas that Application Auto Scaling adds and removes follow read load', () => {
    const stack = newStack();
    const cluster = new rds.DatabaseCluster(stack, 'Scaled', {
      engine: aurora, vpc: vpcOf(stack), vpcSubnets: subnets,
      writer: rds.ClusterInstance.provisioned('Writer', { instanceType: ec2.InstanceType.of(ec2.InstanceClass.R7G, ec2.InstanceSize.LARGE) }),
    });
    new appscaling.CfnScalableTarget(stack, 'Replicas', {
      serviceNamespace: 'rds', scalableDimension: 'rds:cluster:ReadReplicaCount', minCapacity: 1, maxCapacity: 4,
      resourceId: `cluster:${cluster.clusterIdentifier}`,
    });
    expect(outcomesOf(stack, 'DatabaseCapacityFollowsLoad')).toEqual([{ outcome: 'compliant', path: 'S/Scaled/Resource' }]);
  });

  test('a standalone RDS instance is judged on its own; a cluster member is judged with its cluster', () => {
    const stack = newStack();
    new rds.DatabaseInstance(stack, 'Standalone', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }), vpc: vpcOf(stack), vpcSubnets: subnets,
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MEDIUM), backupRetention: Duration.days(7),
    });
    expect(outcomesOf(stack, 'DatabaseCapacityFollowsLoad')).toEqual([{ outcome: 'nonCompliant', path: 'S/Standalone/Resource' }]);
  });

  test('a DocumentDB cluster follows load only with the scaling range and every member db.serverless', () => {
    const stack = newStack();
    const serverless = new docdb.DatabaseCluster(stack, 'DocServerless', {
      masterUser: { username: 'app' }, engineVersion: '5.0.0', vpc: vpcOf(stack), vpcSubnets: subnets,
      serverlessV2ScalingConfiguration: { minCapacity: 0.5, maxCapacity: 4 },
    });
    new docdb.CfnDBInstance(serverless, 'Instance1', { dbClusterIdentifier: serverless.clusterIdentifier, dbInstanceClass: 'db.serverless' })
      .applyRemovalPolicy(RemovalPolicy.DESTROY);
    new docdb.DatabaseCluster(stack, 'DocFixed', {
      masterUser: { username: 'app' }, engineVersion: '5.0.0', vpc: vpcOf(stack), vpcSubnets: subnets,
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MEDIUM),
    });
    expect(outcomesOf(stack, 'DatabaseCapacityFollowsLoad')).toEqual([
      { outcome: 'compliant', path: 'S/DocServerless/Resource' },
      { outcome: 'nonCompliant', path: 'S/DocFixed/Resource' },
    ]);
  });
});
