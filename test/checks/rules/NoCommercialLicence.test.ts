import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { newStack, outcomesOf, vpcOf } from './support';

function instance(stack: Stack, id: string, engine: rds.IInstanceEngine, licenseModel?: rds.LicenseModel) {
  return new rds.DatabaseInstance(stack, id, {
    engine,
    licenseModel,
    instanceType: new ec2.InstanceType('m5.large'),
    vpc: vpcOf(stack),
    vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
  });
}

describe('WellArchitected-NoCommercialLicence', () => {
  test('PostgreSQL and MySQL instances are compliant', () => {
    const stack = newStack();
    instance(stack, 'Postgres', rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }));
    instance(stack, 'MySql', rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.VER_8_0 }));
    expect(outcomesOf(stack, 'NoCommercialLicence')).toEqual([
      { outcome: 'compliant', path: 'S/Postgres/Resource' },
      { outcome: 'compliant', path: 'S/MySql/Resource' },
    ]);
  });

  test('Oracle and SQL Server instances are not, licence included or brought', () => {
    const stack = newStack();
    instance(stack, 'Oracle', rds.DatabaseInstanceEngine.oracleSe2({ version: rds.OracleEngineVersion.VER_19 }), rds.LicenseModel.BRING_YOUR_OWN_LICENSE);
    instance(stack, 'SqlServer', rds.DatabaseInstanceEngine.sqlServerSe({ version: rds.SqlServerEngineVersion.VER_16 }), rds.LicenseModel.LICENSE_INCLUDED);
    expect(outcomesOf(stack, 'NoCommercialLicence')).toEqual([
      { outcome: 'nonCompliant', path: 'S/Oracle/Resource' },
      { outcome: 'nonCompliant', path: 'S/SqlServer/Resource' },
    ]);
  });

  test('RDS Custom for Oracle and SQL Server carry the same licences', () => {
    const stack = newStack();
    for (const [id, engine] of [['CustomOracle', 'custom-oracle-ee'], ['CustomSqlServer', 'custom-sqlserver-se']]) {
      new rds.CfnDBInstance(stack, id, { engine, dbInstanceClass: 'db.m5.large', allocatedStorage: '100', customIamInstanceProfile: 'AWSRDSCustomInstanceProfile' });
    }
    expect(outcomesOf(stack, 'NoCommercialLicence')).toEqual([
      { outcome: 'nonCompliant', path: 'S/CustomOracle' },
      { outcome: 'nonCompliant', path: 'S/CustomSqlServer' },
    ]);
  });

  test('an Aurora cluster is judged once, through the cluster rather than its instances', () => {
    const stack = newStack();
    new rds.DatabaseCluster(stack, 'Aurora', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),
      writer: rds.ClusterInstance.serverlessV2('Writer'),
      vpc: vpcOf(stack),
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    });
    expect(outcomesOf(stack, 'NoCommercialLicence')).toEqual([{ outcome: 'compliant', path: 'S/Aurora/Resource' }]);
  });

  test('resources that are not relational databases record nothing', () => {
    const stack = newStack();
    new s3.Bucket(stack, 'Media');
    expect(outcomesOf(stack, 'NoCommercialLicence')).toEqual([]);
  });
});
