import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge } from '../checks/acknowledge';
import { acknowledgeLogRetentionHelper } from '../checks/cdk-helpers';
import { Alerts } from './alerts';
import { Network } from './network';

/** RDS for Oracle's largest primary volume: 64 TiB, what the talk's forklift bought up front. */
export const ORACLE_MAX_STORAGE_GIB = 65_536;
/** RDS for Oracle's smallest gp3 volume. */
export const ORACLE_MIN_STORAGE_GIB = 20;
/** What a workshop deploy provisions unless told otherwise: cents an hour, not dollars. */
export const ORACLE_WORKSHOP_STORAGE_GIB = 100;

/**
 * The storage-autoscaling ceiling for an allocation: ten times the allocation, within the engine's
 * maximum, so a workshop instance can grow but never to a surprise. None when there is no headroom worth
 * having (RDS wants the ceiling well above the allocation): the talk's 64 TiB is bought up front.
 */
export function oracleStorageCeilingGiB(allocatedGiB: number): number | undefined {
  const ceiling = Math.min(ORACLE_MAX_STORAGE_GIB, allocatedGiB * 10);
  return ceiling >= allocatedGiB * 1.1 ? ceiling : undefined;
}

const ORACLE_PASSWORD_EXCLUDED_CHARACTERS = '"@/\\\'&';

/** Properties of {@link TelemetryOracle}. */
export interface TelemetryOracleProps {
  readonly network: Network;
  /** Where the instance's alarms go. */
  readonly alerts: Alerts;
  /**
   * Storage provisioned up front. The talk's forklift sized it at the ceiling (ORACLE_MAX_STORAGE_GIB),
   * as on premises, where the SAN was a sunk cost; every GiB of it is billed, twice with Multi-AZ.
   * Below the ceiling, storage autoscaling may grow it to {@link oracleStorageCeilingGiB}.
   * @default ORACLE_WORKSHOP_STORAGE_GIB
   */
  readonly allocatedStorageGiB?: number;
  /**
   * Instance class; Oracle SE2 runs on x86 classes only, with a licence-included cap on size.
   * @default db.m5.xlarge
   */
  readonly instanceType?: ec2.InstanceType;
}

/**
 * RDS for Oracle as the forklift ran it: Standard Edition 2 with the licence included, Multi-AZ,
 * encrypted, backed up, logs exported. When Aurora takes over it leaves a final snapshot (kept with its
 * key and credentials) and stops billing.
 */
export class TelemetryOracle extends Construct {
  public readonly instance: rds.DatabaseInstance;
  /**
   * The database (the initial tenant database of the CDB) and the service name the collector connects
   * to (`host:port/<name>`). RDS for Oracle allows at most 8 characters here: TELEMETRY was one too many
   * and the instance was never created.
   */
  public readonly name = 'TELEMDB';
  /** The generated credentials (JSON with username, password, host, port). */
  public readonly secret: secretsmanager.ISecret;

  constructor(scope: Construct, id: string, props: TelemetryOracleProps) {
    super(scope, id);
    const key = new kms.Key(this, 'Key', {
      description: 'Encrypts the RDS for Oracle instance of the IoT platform',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const allocatedGiB = props.allocatedStorageGiB ?? ORACLE_WORKSHOP_STORAGE_GIB;
    this.instance = new rds.DatabaseInstance(this, 'Instance', {
      engine: rds.DatabaseInstanceEngine.oracleSe2Cdb({ version: rds.OracleEngineVersion.VER_19_0_0_0_2025_10_R1 }),
      licenseModel: rds.LicenseModel.LICENSE_INCLUDED,
      instanceType: props.instanceType ?? ec2.InstanceType.of(ec2.InstanceClass.M5, ec2.InstanceSize.XLARGE),
      vpc: props.network.vpc,
      vpcSubnets: props.network.dataSubnets,
      multiAz: true,
      databaseName: this.name,
      characterSetName: 'AL32UTF8',
      storageType: rds.StorageType.GP3,
      allocatedStorage: allocatedGiB,
      maxAllocatedStorage: oracleStorageCeilingGiB(allocatedGiB),
      storageEncrypted: true,
      storageEncryptionKey: key,
      // RDS for Oracle refuses `/ " @` and also `&` and `'` in a master password (CreateDBInstance);
      // `\` is left out for the collector's connect string.
      credentials: rds.Credentials.fromGeneratedSecret('collector', { excludeCharacters: ORACLE_PASSWORD_EXCLUDED_CHARACTERS }),
      backupRetention: Duration.days(14),
      preferredBackupWindow: '03:00-04:00',
      preferredMaintenanceWindow: 'sun:04:30-sun:05:30',
      cloudwatchLogsExports: ['alert', 'audit', 'listener', 'trace'],
      cloudwatchLogsRetention: logs.RetentionDays.THREE_MONTHS,
      monitoringInterval: Duration.seconds(60),
      enablePerformanceInsights: true,
      performanceInsightEncryptionKey: key,
      autoMinorVersionUpgrade: true,
      // Retiring Oracle (stage 2) must stop its bill: CloudFormation takes a final snapshot and deletes
      // the instance. Deletion protection would make that delete fail and leave Oracle running.
      deletionProtection: false,
      removalPolicy: RemovalPolicy.SNAPSHOT,
    });
    this.secret = this.instance.secret!;
    // The talk's lesson: the volume filled every eight days. Hear about it before it is full.
    // With storage autoscaling, RDS grows the volume at 10% free; below 5% it has stopped keeping up.
    const alertShare = oracleStorageCeilingGiB(allocatedGiB) === undefined ? 0.1 : 0.05;
    props.alerts.alarm(this, 'LowStorage', {
      description: `Oracle free storage below ${alertShare * 100}% of the allocated volume`,
      metric: this.instance.metricFreeStorageSpace({ period: Duration.minutes(5), statistic: 'Minimum' }),
      threshold: allocatedGiB * 1024 ** 3 * alertShare,
      below: true,
    });
    props.alerts.alarm(this, 'HighCpu', {
      description: 'Oracle CPU above 80% for 15 minutes',
      metric: this.instance.metricCPUUtilization({ period: Duration.minutes(5) }),
      threshold: 80,
    });
    // The final snapshot is encrypted with the key (retained above) and restores with these credentials.
    (this.instance.node.findChild('Secret') as secretsmanager.Secret).applyRemovalPolicy(RemovalPolicy.RETAIN);

    acknowledge(
      this.instance,
      {
        rule: 'AwsSolutions-RDS11',
        reason: 'A non-default port is obscurity, not a control: only the collector fleet security group can reach 1521.',
      },
      {
        rule: 'AwsSolutions-RDS10',
        reason: 'DeletionPolicy Snapshot keeps a final snapshot on any delete; deletion protection would block the retirement that stops the Oracle bill.',
      },
      {
        rule: 'AwsSolutions-SMG4',
        reason:
          'Forklifted as it ran on premises: the collector reads the Oracle credentials once at start. Rotation arrives with Aurora in stage 2.',
      },
    );
    acknowledgeLogRetentionHelper(Stack.of(this));
    const monitoringRole = this.instance.node.tryFindChild('MonitoringRole');
    if (monitoringRole) {
      acknowledge(monitoringRole, {
        rule: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole]',
        reason: 'The AWS managed policy is the documented minimum for RDS enhanced monitoring to publish OS metrics.',
      });
    }
  }

  /** Lets the peer connect and read the credentials. */
  public allowAppAccess(peer: ec2.IConnectable & iam.IGrantable, description: string): void {
    this.instance.connections.allowDefaultPortFrom(peer, description);
    this.secret.grantRead(peer);
  }
}
