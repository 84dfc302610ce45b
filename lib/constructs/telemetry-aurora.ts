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

/** Characters that would break a connection string, kept out of generated passwords. */
const PASSWORD_EXCLUDED_CHARACTERS = '"@/\\\':?#[]%';

/** Properties of {@link TelemetryAurora}. */
export interface TelemetryAuroraProps {
  readonly network: Network;
  /** Where the cluster's alarms go. */
  readonly alerts: Alerts;
  /**
   * Instance class of the writer and the reader; Aurora PostgreSQL runs on Graviton.
   * @default db.r7g.large
   */
  readonly instanceType?: ec2.InstanceType;
  /**
   * Run the writer and the reader as Aurora Serverless v2 (`db.serverless`) between these capacities,
   * in Aurora capacity units (1 ACU is about 2 GiB of memory), instead of on `instanceType`. Changing
   * it on a deployed cluster modifies the instances in place; the cluster and its data stay.
   * @default - provisioned instances of `instanceType`
   */
  readonly serverlessCapacity?: { readonly minAcu: number; readonly maxAcu: number };
}

/**
 * Aurora PostgreSQL in place of Oracle: a writer and a reader pinned to different AZs (the reader is
 * the failover target), storage that grows with use instead of being bought up front, encryption,
 * 14 days of backups, IAM authentication, credentials rotated every 30 days. When stage 5 retires it,
 * it leaves a final snapshot (kept with its key and credentials) and stops billing.
 */
export class TelemetryAurora extends Construct {
  public readonly cluster: rds.DatabaseCluster;
  public readonly name = 'telemetry';
  /** The generated credentials (JSON with username, password, host, port, dbname). */
  public readonly secret: secretsmanager.ISecret;

  constructor(scope: Construct, id: string, props: TelemetryAuroraProps) {
    super(scope, id);
    const { vpc } = props.network;
    const instanceType = props.instanceType ?? ec2.InstanceType.of(ec2.InstanceClass.R7G, ec2.InstanceSize.LARGE);
    const serverless = props.serverlessCapacity;
    // The reader is the failover target: provisioned, it is first in line (tier 0); serverless, it
    // scales with the writer (tier 1) so a failover does not land on a cold, small instance.
    const member = (id: string, availabilityZone: string, failoverTarget = false) =>
      serverless
        ? rds.ClusterInstance.serverlessV2(id, { availabilityZone, enablePerformanceInsights: true, scaleWithWriter: failoverTarget })
        : rds.ClusterInstance.provisioned(id, { instanceType, availabilityZone, enablePerformanceInsights: true, ...(failoverTarget ? { promotionTier: 0 } : {}) });
    const key = new kms.Key(this, 'Key', {
      description: 'Encrypts the Aurora cluster of the IoT platform',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.cluster = new rds.DatabaseCluster(this, 'Cluster', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_17_7 }),
      writer: member('Writer', vpc.availabilityZones[0]),
      readers: [member('Reader', vpc.availabilityZones[1], true)],
      serverlessV2MinCapacity: serverless?.minAcu,
      serverlessV2MaxCapacity: serverless?.maxAcu,
      vpc,
      vpcSubnets: props.network.dataSubnets,
      defaultDatabaseName: this.name,
      credentials: rds.Credentials.fromGeneratedSecret('collector', { excludeCharacters: PASSWORD_EXCLUDED_CHARACTERS }),
      storageEncrypted: true,
      storageEncryptionKey: key,
      backup: { retention: Duration.days(14), preferredWindow: '03:00-04:00' },
      preferredMaintenanceWindow: 'sun:04:30-sun:05:30',
      cloudwatchLogsExports: ['postgresql'],
      cloudwatchLogsRetention: logs.RetentionDays.THREE_MONTHS,
      monitoringInterval: Duration.seconds(60),
      enablePerformanceInsights: true,
      performanceInsightEncryptionKey: key,
      iamAuthentication: true,
      // Retiring Aurora (stage 5) must stop its bill: CloudFormation deletes the instances, takes a final
      // cluster snapshot and deletes the cluster. Deletion protection would make that delete fail.
      deletionProtection: false,
      removalPolicy: RemovalPolicy.SNAPSHOT,
    });
    this.secret = this.cluster.secret!;
    props.alerts.alarm(this, 'HighCpu', {
      description: 'Aurora CPU above 80% for 15 minutes: ingest and queries will slow down',
      metric: this.cluster.metricCPUUtilization({ period: Duration.minutes(5) }),
      threshold: 80,
    });
    props.alerts.alarm(this, 'LowMemory', {
      description: 'Aurora freeable memory below 512 MiB',
      metric: this.cluster.metricFreeableMemory({ period: Duration.minutes(5), statistic: 'Minimum' }),
      threshold: 512 * 1024 ** 2,
      below: true,
    });
    // The final snapshot is encrypted with the key (retained above) and restores with these credentials.
    (this.cluster.node.findChild('Secret') as secretsmanager.Secret).applyRemovalPolicy(RemovalPolicy.RETAIN);
    // Rotation runs in the app subnets: the isolated data subnets have no route to Secrets Manager.
    new secretsmanager.SecretRotation(this, 'CredentialRotation', {
      application: secretsmanager.SecretRotationApplication.POSTGRES_ROTATION_SINGLE_USER,
      secret: this.secret,
      target: this.cluster,
      vpc,
      vpcSubnets: props.network.appSubnets,
      excludeCharacters: PASSWORD_EXCLUDED_CHARACTERS,
      automaticallyAfter: Duration.days(30),
    });

    acknowledge(this.cluster, {
      rule: 'AwsSolutions-RDS10',
      reason: 'DeletionPolicy Snapshot keeps a final snapshot on any delete; deletion protection would block the retirement that stops the Aurora bill.',
    });
    acknowledgeLogRetentionHelper(Stack.of(this));
    const monitoringRole = this.cluster.node.tryFindChild('MonitoringRole');
    if (monitoringRole) {
      acknowledge(monitoringRole, {
        rule: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole]',
        reason: 'The AWS managed policy is the documented minimum for RDS enhanced monitoring to publish OS metrics.',
      });
    }
  }

  /** Lets the peer connect (credentials are granted separately). */
  public allowConnections(peer: ec2.IConnectable, description: string): void {
    this.cluster.connections.allowDefaultPortFrom(peer, description);
  }

  /** Lets the peer connect and read the credentials. */
  public allowAppAccess(peer: ec2.IConnectable & iam.IGrantable, description: string): void {
    this.cluster.connections.allowDefaultPortFrom(peer, description);
    this.secret.grantRead(peer);
  }
}
