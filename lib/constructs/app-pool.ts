import { Aws, Duration, Stack, Tags } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from '../checks/acknowledge';
import { Alerts } from './alerts';
import { ChatDatabase } from './chat-database';
import { Network } from './network';
import { appUserData } from './app-user-data';
import { VideoAppBundle } from './video-app-bundle';

/** What the app on a pool serves: everything (the monolith), or one side of the split. */
export type AppRole = 'all' | 'video' | 'chat';

/** The port the app listens on behind the load balancer. */
export const APP_PORT = 8080;

/** Properties of {@link AppPool}. */
export interface AppPoolProps {
  readonly network: Network;
  readonly role: AppRole;
  readonly bundle: VideoAppBundle;
  /** Video assets the app links to with presigned URLs. */
  readonly media: s3.IBucket;
  /** Catalog and chat message store. */
  readonly database: ChatDatabase;
  /** Where fleet events and the pool's alarms go. */
  readonly alerts: Alerts;
  readonly minCapacity: number;
  readonly maxCapacity: number;
  /**
   * Instance type; Graviton for price-performance.
   * @default t4g.medium
   */
  readonly instanceType?: ec2.InstanceType;
}

/**
 * An Auto Scaling group of instances running the video app as a systemd service: Amazon Linux 2023 on
 * Graviton, IMDSv2 only, encrypted gp3 root volume, Session Manager instead of SSH, app logs shipped to
 * CloudWatch Logs, and rolling updates that wait for each new instance to report healthy.
 */
export class AppPool extends Construct {
  public readonly asg: autoscaling.AutoScalingGroup;
  public readonly role: AppRole;
  public readonly healthCheckPath: string;
  private readonly alerts: Alerts;

  constructor(scope: Construct, id: string, props: AppPoolProps) {
    super(scope, id);
    this.role = props.role;
    this.alerts = props.alerts;
    this.healthCheckPath = props.role === 'all' ? '/health' : `/${props.role}/health`;

    const logGroup = new logs.LogGroup(this, 'AppLogs', { retention: logs.RetentionDays.ONE_MONTH });
    const instanceRole = new iam.Role(this, 'InstanceRole', {
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      description: `Video app instances (${props.role})`,
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSSMManagedInstanceCore')],
    });
    const securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.network.vpc,
      description: `Video app instances (${props.role}); ingress only from the load balancer`,
    });

    const launchTemplate = new ec2.LaunchTemplate(this, 'LaunchTemplate', {
      instanceType: props.instanceType ?? ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MEDIUM),
      machineImage: ec2.MachineImage.latestAmazonLinux2023({ cpuType: ec2.AmazonLinuxCpuType.ARM_64 }),
      role: instanceRole,
      securityGroup,
      requireImdsv2: true,
      httpPutResponseHopLimit: 1,
      detailedMonitoring: true,
      userData: ec2.UserData.forLinux(),
      blockDevices: [
        {
          deviceName: '/dev/xvda',
          volume: ec2.BlockDeviceVolume.ebs(20, { encrypted: true, volumeType: ec2.EbsDeviceVolumeType.GP3 }),
        },
      ],
    });

    this.asg = new autoscaling.AutoScalingGroup(this, 'Group', {
      vpc: props.network.vpc,
      vpcSubnets: props.network.appSubnets,
      launchTemplate,
      minCapacity: props.minCapacity,
      maxCapacity: props.maxCapacity,
      healthChecks: autoscaling.HealthChecks.withAdditionalChecks({
        additionalTypes: [autoscaling.AdditionalHealthCheckType.ELB],
        gracePeriod: Duration.minutes(5),
      }),
      defaultInstanceWarmup: Duration.minutes(3),
      updatePolicy: autoscaling.UpdatePolicy.rollingUpdate({ waitOnResourceSignals: true, pauseTime: Duration.minutes(15) }),
      signals: autoscaling.Signals.waitForMinCapacity({ timeout: Duration.minutes(15) }),
      notifications: [{ topic: props.alerts.topic }],
      groupMetrics: [autoscaling.GroupMetrics.all()],
    });

    // Exact grants rather than grantRead(): the instance fetches one object, its own app bundle, and
    // presigns GETs of media objects; it never writes.
    instanceRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [`arn:${Aws.PARTITION}:s3:::${props.bundle.asset.s3BucketName}/${props.bundle.asset.s3ObjectKey}`],
      }),
    );
    instanceRole.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [props.media.arnForObjects('*')] }),
    );
    // With ListBucket a missing key answers 404 (NoSuchKey) instead of 403, so the app can tell them apart.
    instanceRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.media.bucketArn] }));
    logGroup.grantWrite(instanceRole);
    props.database.allowAppAccess(this.asg);

    launchTemplate.userData!.addCommands(
      ...appUserData({
        asset: props.bundle.asset,
        entryFile: props.bundle.entryFile,
        logGroupName: logGroup.logGroupName,
        port: APP_PORT,
        healthCheckPath: this.healthCheckPath,
        environment: {
          APP_ROLE: props.role,
          MEDIA_BUCKET: props.media.bucketName,
          DOCDB_SECRET_ARN: props.database.cluster.secret!.secretArn,
          AWS_REGION: Aws.REGION,
        },
      }),
    );
    launchTemplate.userData!.addSignalOnExitCommand(this.asg);

    Tags.of(this).add('wa:component', props.role === 'all' ? 'video+chat' : props.role);

    acknowledge(
      instanceRole,
      {
        rule: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonSSMManagedInstanceCore]',
        reason: 'AWS maintains the minimum Session Manager permissions; it replaces SSH and an open port 22.',
      },
      {
        rule: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(props.media.node.defaultChild as s3.CfnBucket)}.Arn>/*]`,
        reason: 'The app presigns GET URLs for any video asset in the media bucket; read-only, objects only.',
      },
    );
  }

  /** Registers the pool with a listener as a target group reached by the given paths (or by default). */
  public attachTo(listener: elbv2.ApplicationListener, options: { priority?: number; paths?: string[] } = {}): elbv2.ApplicationTargetGroup {
    const conditions = options.paths ? [elbv2.ListenerCondition.pathPatterns(options.paths)] : undefined;
    const targetGroup = listener.addTargets(this.node.id, {
      port: APP_PORT,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targets: [this.asg],
      priority: options.priority,
      conditions,
      deregistrationDelay: Duration.seconds(30),
      healthCheck: {
        path: this.healthCheckPath,
        interval: Duration.seconds(15),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 3,
      },
      // Chat is a WebSocket; stickiness keeps a reconnecting client on the instance that has its state.
      stickinessCookieDuration: this.role === 'video' ? undefined : Duration.hours(1),
    });
    this.alertOnUnhealthyHosts(targetGroup);
    return targetGroup;
  }

  /**
   * Step scaling on CPU that adds capacity fast and removes it slowly, so a crowd's reconnect storm
   * cannot start the scale-out/scale-in loop the monolith fell into.
   */
  public scaleOnCpuSteps(): void {
    this.asg.scaleOnMetric('CpuSteps', {
      metric: this.metricCpuUtilization(Duration.minutes(1)),
      adjustmentType: autoscaling.AdjustmentType.CHANGE_IN_CAPACITY,
      scalingSteps: [{ upper: 25, change: -1 }, { lower: 60, change: +1 }, { lower: 80, change: +3 }],
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
    });
  }

  /** Average CPU of the pool's instances. */
  public metricCpuUtilization(period: Duration = Duration.minutes(1)): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: 'AWS/EC2',
      metricName: 'CPUUtilization',
      dimensionsMap: { AutoScalingGroupName: this.asg.autoScalingGroupName },
      statistic: 'Average',
      period,
    });
  }

  private alertOnUnhealthyHosts(targetGroup: elbv2.ApplicationTargetGroup): void {
    const alarm = new cloudwatch.Alarm(this, 'UnhealthyHosts', {
      alarmDescription: `Instances of the ${this.role} pool fail their health check`,
      metric: targetGroup.metrics.unhealthyHostCount({ period: Duration.minutes(1), statistic: 'Maximum' }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 3,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.alerts.notifyOn(alarm);
  }
}
