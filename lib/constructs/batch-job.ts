import { Aws, CfnElement, Duration, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventsTargets from 'aws-cdk-lib/aws-events-targets';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../checks/acknowledge';
import { Alerts } from './alerts';
import { deadLetterQueue } from './dead-letter-queue';
import { Network } from './network';
import { JobScript, TelemetryJobsBundle } from './telemetry-jobs-bundle';

/** Properties of {@link BatchJob}. */
export interface BatchJobProps {
  readonly cluster: ecs.ICluster;
  readonly network: Network;
  readonly code: TelemetryJobsBundle;
  /** The script this job runs. */
  readonly script: JobScript;
  /** Non-secret configuration; credentials are read from Secrets Manager by the job itself. */
  readonly environment: Record<string, string>;
  /** Where a task that fails (non-zero exit, or never started) is reported. */
  readonly alerts: Alerts;
  /**
   * Fargate task size.
   * @default 1 vCPU, 2 GiB
   */
  readonly cpu?: number;
  readonly memoryLimitMiB?: number;
}

/**
 * A batch job as a Fargate task that exists only while it runs: no idle capacity between runs. Graviton,
 * stock images (no image to build), read-only root file systems, the job as a non-root user, logs to
 * CloudWatch Logs. It runs where the network's task placement says, behind a security group with no
 * inbound rule.
 */
export class BatchJob extends Construct {
  public readonly taskDefinition: ecs.FargateTaskDefinition;
  public readonly securityGroup: ec2.SecurityGroup;
  private readonly props: BatchJobProps;

  constructor(scope: Construct, id: string, props: BatchJobProps) {
    super(scope, id);
    this.props = props;
    this.taskDefinition = new ecs.FargateTaskDefinition(this, 'Task', {
      cpu: props.cpu ?? 1024,
      memoryLimitMiB: props.memoryLimitMiB ?? 2048,
      runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.ARM64, operatingSystemFamily: ecs.OperatingSystemFamily.LINUX },
    });
    props.code.addContainers(this.taskDefinition, props.script, {
      environment: { ...props.environment, AWS_REGION: Aws.REGION },
      logging: ecs.LogDrivers.awsLogs({
        streamPrefix: props.script,
        logGroup: new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.THREE_MONTHS }),
      }),
    });
    // A batch run nobody hears about failing is a night of missing data discovered a week later.
    new events.Rule(this, 'Failed', {
      description: `A ${props.script} task stopped with a non-zero exit code or failed to start`,
      eventPattern: {
        source: ['aws.ecs'],
        detailType: ['ECS Task State Change'],
        detail: {
          lastStatus: ['STOPPED'],
          taskDefinitionArn: [this.taskDefinition.taskDefinitionArn],
          $or: [{ containers: { exitCode: [{ 'anything-but': 0 }] } }, { stopCode: ['TaskFailedToStart'] }],
        },
      },
      // A notice SNS could not take (a throttled or misconfigured topic) waits here instead of vanishing.
      targets: [new eventsTargets.SnsTopic(props.alerts.topic, {
        deadLetterQueue: deadLetterQueue(this, 'UndeliveredNotices', props.alerts, `A notice of a failed ${props.script} task that could not be delivered`),
      })],
    });
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.network.vpc,
      description: `Batch job ${props.script}: outbound only`,
    });
    acknowledge(this.taskDefinition, {
      rule: 'AwsSolutions-ECS2',
      reason: 'The environment holds only bucket names and limits; credentials are read from Secrets Manager by the job at run time.',
    });
  }

  /** The role the job's code runs with: grant it what the job reads and writes. */
  public get role() {
    return this.taskDefinition.taskRole;
  }

  /** Runs the job every night at the given UTC hour (EventBridge Scheduler), failed starts to the queue. */
  public runNightly(hourUtc: number, deadLetterQueue: sqs.IQueue): scheduler.Schedule {
    return new scheduler.Schedule(this, 'Nightly', {
      description: `Nightly ${this.props.script}`,
      schedule: scheduler.ScheduleExpression.cron({ minute: '0', hour: String(hourUtc) }),
      target: new schedulerTargets.EcsRunFargateTask(this.props.cluster, {
        taskDefinition: this.taskDefinition,
        vpcSubnets: this.props.network.taskPlacement.subnets,
        assignPublicIp: this.props.network.taskPlacement.assignPublicIp,
        securityGroups: [this.securityGroup],
        deadLetterQueue,
        retryAttempts: 2,
        maxEventAge: Duration.hours(1),
      }),
    });
  }

  /** Runs one task per matching event, passing a field of the event to the job as an environment variable. */
  public runOnEvent(pattern: events.EventPattern, variable: { name: string; path: string }, deadLetterQueue: sqs.IQueue): events.Rule {
    const rule = new events.Rule(this, 'OnEvent', {
      description: `Start ${this.props.script} for each event`,
      eventPattern: pattern,
      targets: [
        new eventsTargets.EcsTask({
          cluster: this.props.cluster,
          taskDefinition: this.taskDefinition,
          subnetSelection: this.props.network.taskPlacement.subnets,
          assignPublicIp: this.props.network.taskPlacement.assignPublicIp,
          securityGroups: [this.securityGroup],
          containerOverrides: [{ containerName: 'job', environment: [{ name: variable.name, value: events.EventField.fromPath(variable.path) }] }],
          deadLetterQueue,
          retryAttempts: 2,
          maxEventAge: Duration.hours(1),
        }),
      ],
    });
    const stack = Stack.of(this);
    const cluster = stack.getLogicalId(this.props.cluster.node.defaultChild as CfnElement);
    acknowledge(this.taskDefinition.node.findChild('EventsRole'), {
      rule: `AwsSolutions-IAM5[Resource::arn:${stack.partition}:ecs:${stack.region}:*:task/<${cluster}>/*]`,
      reason: 'EventBridge tags the tasks it starts, in this cluster only; task ids exist only at run time.',
    });
    return rule;
  }
}
