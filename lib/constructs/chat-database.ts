import { Duration, IResource, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as docdb from 'aws-cdk-lib/aws-docdb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge } from '../checks/acknowledge';
import { acknowledgeLogRetentionHelper } from '../checks/cdk-helpers';
import { Alerts } from './alerts';
import { Network } from './network';

/** Characters that would break a MongoDB connection string, kept out of generated passwords. */
const PASSWORD_EXCLUDED_CHARACTERS = '"@/:?#[]%\\';

/** The instance class of DocumentDB Serverless members. */
const SERVERLESS_INSTANCE_CLASS = 'db.serverless';

/** Properties of {@link ChatDatabase}. */
export interface ChatDatabaseProps {
  readonly network: Network;
  /** Where the cluster's alarms go. */
  readonly alerts: Alerts;
  /**
   * DocumentDB Serverless capacity of each member, in DocumentDB capacity units (1 DCU is about
   * 2 GiB of memory with its CPU): members scale between the two as load comes and goes.
   * @default 0.5 to 16 DCUs - idle between events, room for a sold-out one
   */
  readonly capacity?: { readonly minDcu: number; readonly maxDcu: number };
  /**
   * Cluster members: one writer plus replicas, spread over the AZs, so a failover has a target.
   * @default 2
   */
  readonly instances?: number;
}

/**
 * Amazon DocumentDB Serverless holding the video catalog and chat messages (capacity follows load between
 * events and during them): encrypted with its own key, TLS only,
 * audit and profiler logs exported, 14 days of backups. When a later stage retires it, or the stack is
 * destroyed, CloudFormation takes a final snapshot and deletes the cluster; the key and credentials
 * the snapshot needs are retained. Nothing retained lives in the VPC: a retained cluster would keep
 * its security group and subnet group there, and EC2 refuses to delete a VPC that still holds a
 * security group, so `cdk destroy` would fail.
 */
export class ChatDatabase extends Construct {
  public readonly cluster: docdb.DatabaseCluster;

  constructor(scope: Construct, id: string, props: ChatDatabaseProps) {
    super(scope, id);
    const key = new kms.Key(this, 'Key', {
      description: 'Encrypts the DocumentDB cluster of the video platform',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const parameters = new docdb.ClusterParameterGroup(this, 'Parameters', {
      family: 'docdb5.0',
      description: 'TLS required, audit and profiler logs on',
      parameters: { tls: 'enabled', audit_logs: 'enabled', profiler: 'enabled', profiler_threshold_ms: '200' },
    });
    this.cluster = new docdb.DatabaseCluster(this, 'Cluster', {
      engineVersion: '5.0.0',
      masterUser: { username: 'videoapp', excludeCharacters: PASSWORD_EXCLUDED_CHARACTERS },
      serverlessV2ScalingConfiguration: { minCapacity: props.capacity?.minDcu ?? 0.5, maxCapacity: props.capacity?.maxDcu ?? 16 },
      vpc: props.network.vpc,
      vpcSubnets: props.network.dataSubnets,
      parameterGroup: parameters,
      storageEncrypted: true,
      kmsKey: key,
      backup: { retention: Duration.days(14), preferredWindow: '03:00-04:00' },
      preferredMaintenanceWindow: 'sun:04:30-sun:05:30',
      exportAuditLogsToCloudWatch: true,
      exportProfilerLogsToCloudWatch: true,
      cloudWatchLogsRetention: logs.RetentionDays.THREE_MONTHS,
      // Retiring DocumentDB (stage 4) or destroying the stack must end in a final snapshot, not a delete
      // that deletion protection refuses: that would leave the cluster billing and the stack failed.
      deletionProtection: false,
      copyTagsToSnapshot: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      // All data lives in the cluster volume, which the final snapshot keeps; instances are compute.
      instanceRemovalPolicy: RemovalPolicy.DESTROY,
      securityGroupRemovalPolicy: RemovalPolicy.DESTROY,
    });
    // aws-cdk-lib adds no members to a serverless cluster, and a cluster without members serves nothing.
    // The members keep the construct IDs (and so the logical IDs) the provisioned ones had: a deployed
    // cluster's t4g.medium members change class in place, the cluster and its data stay.
    const subnets = props.network.vpc.selectSubnets(props.network.dataSubnets);
    for (let i = 1; i <= (props.instances ?? 2); i++) {
      const member = new docdb.CfnDBInstance(this.cluster, `Instance${i}`, {
        dbClusterIdentifier: this.cluster.clusterIdentifier,
        dbInstanceClass: SERVERLESS_INSTANCE_CLASS,
      });
      member.applyRemovalPolicy(RemovalPolicy.DESTROY);
      member.node.addDependency(subnets.internetConnectivityEstablished);
      acknowledge(member, {
        rule: 'E3620',
        plugin: 'CloudFormation-Validate',
        reason: "The validator's instance-class table predates DocumentDB Serverless (GA July 2025): db.serverless is the class the DocumentDB guide names for serverless members (docdb-serverless-limitations).",
      });
    }
    // The snapshot restores only with its key (retained above) and is usable with its credentials. The
    // secret's target attachment goes: with the cluster gone, its host and port point nowhere anyway.
    (this.cluster.node.findChild('Secret') as IResource).applyRemovalPolicy(RemovalPolicy.RETAIN);
    // Rotation runs in the app subnets: the isolated data subnets have no route to Secrets Manager.
    new secretsmanager.SecretRotation(this, 'CredentialRotation', {
      application: secretsmanager.SecretRotationApplication.MONGODB_ROTATION_SINGLE_USER,
      secret: this.cluster.secret!,
      target: this.cluster,
      vpc: props.network.vpc,
      vpcSubnets: props.network.appSubnets,
      excludeCharacters: PASSWORD_EXCLUDED_CHARACTERS,
      automaticallyAfter: Duration.days(30),
    });

    const metric = (metricName: string) =>
      new cloudwatch.Metric({ namespace: 'AWS/DocDB', metricName, dimensionsMap: { DBClusterIdentifier: this.cluster.clusterIdentifier }, period: Duration.minutes(5) });
    props.alerts.alarm(this, 'HighCpu', { description: 'DocumentDB CPU above 80% for 15 minutes: chat and catalog queries will slow down', metric: metric('CPUUtilization'), threshold: 80 });
    props.alerts.alarm(this, 'LowMemory', {
      description: 'DocumentDB freeable memory below 256 MiB: the working set no longer fits',
      metric: metric('FreeableMemory').with({ statistic: 'Minimum' }),
      threshold: 256 * 1024 ** 2,
      below: true,
    });

    acknowledge(
      this.cluster,
      {
        rule: 'AwsSolutions-DOC2',
        reason: 'A non-default port is obscurity, not a control: only the app pools security group can reach 27017.',
      },
      {
        rule: 'AwsSolutions-DOC3',
        reason:
          'The credentials are generated into Secrets Manager (a dynamic reference the rule cannot resolve) and rotated every 30 days.',
      },
      ...['authenticate', 'createIndex', 'dropCollection'].map((event) => ({
        rule: `AwsSolutions-DOC5[LogExport::${event}]`,
        reason: `Audit logging covers ${event} events: audit_logs=enabled in the cluster parameter group and the audit log is exported.`,
      })),
    );
    acknowledgeLogRetentionHelper(Stack.of(this));
  }

  /** Lets the given peer connect and read the credentials. */
  public allowAppAccess(peer: ec2.IConnectable & iam.IGrantable): void {
    this.cluster.connections.allowDefaultPortFrom(peer, 'App pool to DocumentDB');
    this.cluster.secret?.grantRead(peer);
  }
}
