import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { newStack, outcomesOf, vpcOf } from './support';

function postgres(stack: Stack, id: string, props: { deletionProtection?: boolean; removalPolicy: RemovalPolicy }) {
  return new rds.DatabaseInstance(stack, id, {
    engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
    vpc: vpcOf(stack),
    vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    ...props,
  });
}

describe('WellArchitected-DatabaseSurvivesDelete', () => {
  test('deletion protection, a final snapshot or retention each keep the data', () => {
    const stack = newStack();
    postgres(stack, 'Protected', { deletionProtection: true, removalPolicy: RemovalPolicy.DESTROY });
    postgres(stack, 'Snapshotted', { deletionProtection: false, removalPolicy: RemovalPolicy.SNAPSHOT });
    postgres(stack, 'Retained', { deletionProtection: false, removalPolicy: RemovalPolicy.RETAIN });
    expect(outcomesOf(stack, 'DatabaseSurvivesDelete')).toEqual([
      { outcome: 'compliant', path: 'S/Protected/Resource' },
      { outcome: 'compliant', path: 'S/Snapshotted/Resource' },
      { outcome: 'compliant', path: 'S/Retained/Resource' },
    ]);
  });

  test('an unprotected database that the stack deletes outright loses its data', () => {
    const stack = newStack();
    postgres(stack, 'Doomed', { deletionProtection: false, removalPolicy: RemovalPolicy.DESTROY });
    expect(outcomesOf(stack, 'DatabaseSurvivesDelete')).toEqual([{ outcome: 'nonCompliant', path: 'S/Doomed/Resource' }]);
  });

  test('a cluster is judged as a whole, its instances not at all; other resources record nothing', () => {
    const stack = newStack();
    new rds.DatabaseCluster(stack, 'Aurora', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_6 }),
      writer: rds.ClusterInstance.provisioned('Writer'),
      vpc: vpcOf(stack),
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      removalPolicy: RemovalPolicy.SNAPSHOT,
    });
    new sqs.Queue(stack, 'Queue');
    expect(outcomesOf(stack, 'DatabaseSurvivesDelete')).toEqual([{ outcome: 'compliant', path: 'S/Aurora/Resource' }]);
  });
});
