import { Aws, Duration, Names, Tags } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { acknowledge } from '../checks/acknowledge';
import { UNSIGNED_ASSET_REASON } from './unsigned-assets';
import { Alerts } from './alerts';
import { appUserData } from './app-user-data';
import { Network } from './network';
import { NodeAppBundle } from './node-app-bundle';

/** The port apps listen on behind the load balancer. */
export const APP_PORT = 8080;

/** Instance tag the weekly patch association targets, one value per pool. */
const PATCH_GROUP_TAG = 'wa:patch-group';

/** Properties of {@link AppPool}. */
export interface AppPoolProps {
  readonly network: Network;
  readonly bundle: NodeAppBundle;
  /** systemd unit, system user and install folder (`/opt/<name>`) of the app. */
  readonly serviceName: string;
  /** What the pool serves, in the talk's words (`video+chat`), for descriptions and alarm texts. */
  readonly component: string;
  /** The app's environment. Values may be CDK tokens. */
  readonly environment: Record<string, string>;
  /** Path the load balancer and the boot script check. */
  readonly healthCheckPath: string;
  /**
   * Whether clients should stick to one instance (WebSockets, sessions).
   * @default false
   */
  readonly sticky?: boolean;
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
 * An Auto Scaling group of instances running a Node.js app as a systemd service: Amazon Linux 2023 on
 * Graviton, IMDSv2 only, encrypted gp3 root volume, Session Manager instead of SSH, app logs shipped to
 * CloudWatch Logs, and rolling updates that wait for each new instance to report healthy.
 */
export class AppPool extends Construct {
  public readonly asg: autoscaling.AutoScalingGroup;
  public readonly instanceRole: iam.Role;
  public readonly healthCheckPath: string;
  private readonly component: string;
  private readonly sticky: boolean;
  private readonly alerts: Alerts;

  constructor(scope: Construct, id: string, props: AppPoolProps) {
    super(scope, id);
    this.component = props.component;
    this.sticky = props.sticky ?? false;
    this.alerts = props.alerts;
    this.healthCheckPath = props.healthCheckPath;

    const logGroup = new logs.LogGroup(this, 'AppLogs', { retention: logs.RetentionDays.ONE_MONTH });
    const instanceRole = new iam.Role(this, 'InstanceRole', {
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      description: `${props.serviceName} instances (${props.component})`,
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSSMManagedInstanceCore')],
    });
    const securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.network.vpc,
      description: `${props.serviceName} instances (${props.component}); ingress only from the load balancer`,
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

    props.alerts.allowAutoScalingNotifications();
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

    this.instanceRole = instanceRole;
    // An exact grant rather than grantRead(): the instance fetches one object, its own app bundle.
    instanceRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [`arn:${Aws.PARTITION}:s3:::${props.bundle.asset.s3BucketName}/${props.bundle.asset.s3ObjectKey}`],
      }),
    );
    logGroup.grantWrite(instanceRole);

    launchTemplate.userData!.addCommands(
      ...appUserData({
        asset: props.bundle.asset,
        entryFile: props.bundle.entryFile,
        logGroupName: logGroup.logGroupName,
        serviceName: props.serviceName,
        port: APP_PORT,
        healthCheckPath: this.healthCheckPath,
        environment: { ...props.environment, AWS_REGION: Aws.REGION },
      }),
    );
    launchTemplate.userData!.addSignalOnExitCommand(this.asg);

    this.patchWeekly();

    acknowledge(
      instanceRole,
      {
        rule: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonSSMManagedInstanceCore]',
        reason: 'AWS maintains the minimum Session Manager permissions; it replaces SSH and an open port 22.',
      },
    );
    acknowledge(this.asg, {
      rule: 'WellArchitected-CodeIntegrityVerified',
      reason: UNSIGNED_ASSET_REASON,
    });
  }

  /**
   * Installs operating-system patches on the running instances every Sunday night (Systems Manager
   * runs the patch baseline), half the pool at a time and without rebooting: a reboot would fail the
   * load balancer's health check and replace the instance, and kernel updates arrive with the next
   * instance anyway, since every launch takes the latest Amazon Linux image.
   */
  private patchWeekly(): void {
    const group = Names.uniqueResourceName(this, { maxLength: 64 });
    Tags.of(this.asg).add(PATCH_GROUP_TAG, group, { applyToLaunchedInstances: true });
    new ssm.CfnAssociation(this, 'Patching', {
      name: 'AWS-RunPatchBaseline',
      targets: [{ key: `tag:${PATCH_GROUP_TAG}`, values: [group] }],
      parameters: { Operation: ['Install'], RebootOption: ['NoReboot'] },
      scheduleExpression: 'cron(0 2 ? * SUN *)',
      maxConcurrency: '50%',
      maxErrors: '50%',
      complianceSeverity: 'HIGH',
    });
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
      stickinessCookieDuration: this.sticky ? Duration.hours(1) : undefined,
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
      alarmDescription: `Instances of the ${this.component} pool fail their health check`,
      metric: targetGroup.metrics.unhealthyHostCount({ period: Duration.minutes(1), statistic: 'Maximum' }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 3,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.alerts.notifyOn(alarm);
  }
}
