import { CustomResource, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as sns from 'aws-cdk-lib/aws-sns';
import { fleet, newStack, outcomesOf, vpcOf } from './support';

function fn(stack: Stack, id = 'Fn') {
  return new lambda.Function(stack, id, { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {};') });
}

describe('WellArchitected-ComponentAlarmed', () => {
  test('a function an alarm with an action watches is compliant', () => {
    const stack = newStack();
    const onCall = new sns.Topic(stack, 'OnCall');
    fn(stack).metricErrors().createAlarm(stack, 'Errors', { threshold: 1, evaluationPeriods: 1 }).addAlarmAction(new actions.SnsAction(onCall));
    expect(outcomesOf(stack, 'ComponentAlarmed')).toEqual([{ outcome: 'compliant', path: 'S/Fn/Resource' }]);
  });

  test('an alarm in a metric-math expression watches the functions it reads', () => {
    const stack = newStack();
    const handler = fn(stack);
    const errorRate = new cloudwatch.MathExpression({ expression: 'e / i', usingMetrics: { e: handler.metricErrors(), i: handler.metricInvocations() } });
    errorRate.createAlarm(stack, 'ErrorRate', { threshold: 0.05, evaluationPeriods: 1 }).addAlarmAction(new actions.SnsAction(new sns.Topic(stack, 'OnCall')));
    expect(outcomesOf(stack, 'ComponentAlarmed')).toEqual([{ outcome: 'compliant', path: 'S/Fn/Resource' }]);
  });

  test('an alarm without actions of its own that a composite alarm with an action combines watches its function', () => {
    const stack = newStack();
    const errors = fn(stack).metricErrors().createAlarm(stack, 'Errors', { threshold: 1, evaluationPeriods: 1 });
    const throttles = fn(stack, 'Other').metricThrottles().createAlarm(stack, 'Throttles', { threshold: 1, evaluationPeriods: 1 });
    new cloudwatch.CompositeAlarm(stack, 'Degraded', { alarmRule: cloudwatch.AlarmRule.anyOf(errors, throttles) }).addAlarmAction(new actions.SnsAction(new sns.Topic(stack, 'OnCall')));
    expect(outcomesOf(stack, 'ComponentAlarmed')).toEqual([
      { outcome: 'compliant', path: 'S/Fn/Resource' },
      { outcome: 'compliant', path: 'S/Other/Resource' },
    ]);
  });

  test('an alarm nobody is told about, or with its actions off, does not count', () => {
    const stack = newStack();
    const silent = fn(stack, 'Silent');
    silent.metricErrors().createAlarm(stack, 'SilentErrors', { threshold: 1, evaluationPeriods: 1 });
    const disabled = fn(stack, 'Disabled');
    disabled.metricErrors().createAlarm(stack, 'DisabledErrors', { threshold: 1, evaluationPeriods: 1, actionsEnabled: false }).addAlarmAction(new actions.SnsAction(new sns.Topic(stack, 'OnCall')));
    expect(outcomesOf(stack, 'ComponentAlarmed')).toEqual([
      { outcome: 'nonCompliant', path: 'S/Silent/Resource' },
      { outcome: 'nonCompliant', path: 'S/Disabled/Resource' },
    ]);
  });

  test("a fleet is watched through its target group's alarm; the load balancer needs its own", () => {
    const stack = newStack();
    const onCall = new actions.SnsAction(new sns.Topic(stack, 'OnCall'));
    const asg = fleet(stack);
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: vpcOf(stack), internetFacing: true });
    const group = alb.addListener('Http', { port: 80 }).addTargets('Fleet', { port: 8080, targets: [asg] });
    group.metrics.unhealthyHostCount().createAlarm(stack, 'Unhealthy', { threshold: 1, evaluationPeriods: 2 }).addAlarmAction(onCall);
    const entry = new elbv2.ApplicationLoadBalancer(stack, 'Entry', { vpc: vpcOf(stack), internetFacing: true });
    entry.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT).createAlarm(stack, 'Entry5xx', { threshold: 10, evaluationPeriods: 1 }).addAlarmAction(onCall);
    expect(outcomesOf(stack, 'ComponentAlarmed')).toEqual([
      { outcome: 'compliant', path: 'S/Fleet/ASG' },
      { outcome: 'nonCompliant', path: 'S/Alb/Resource' },
      { outcome: 'compliant', path: 'S/Entry/Resource' },
    ]);
  });

  test('an event rule that notifies a topic about a fleet watches it', () => {
    const stack = newStack();
    const asg = fleet(stack);
    new events.Rule(stack, 'LaunchFailed', {
      eventPattern: { source: ['aws.autoscaling'], detailType: ['EC2 Instance Launch Unsuccessful'], detail: { AutoScalingGroupName: [asg.autoScalingGroupName] } },
      targets: [new targets.SnsTopic(new sns.Topic(stack, 'OnCall'))],
    });
    expect(outcomesOf(stack, 'ComponentAlarmed')).toEqual([{ outcome: 'compliant', path: 'S/Fleet/ASG' }]);
  });

  test('unwatched components are not compliant', () => {
    const stack = newStack();
    fleet(stack);
    fn(stack);
    expect(outcomesOf(stack, 'ComponentAlarmed')).toEqual([
      { outcome: 'nonCompliant', path: 'S/Fleet/ASG' },
      { outcome: 'nonCompliant', path: 'S/Fn/Resource' },
    ]);
  });

  test('functions behind custom resources and instances of a cluster are not judged', () => {
    const stack = newStack();
    new CustomResource(stack, 'Seed', { serviceToken: fn(stack, 'Seeder').functionArn });
    const cluster = new rds.DatabaseCluster(stack, 'Aurora', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),
      writer: rds.ClusterInstance.serverlessV2('Writer'),
      vpc: vpcOf(stack),
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    });
    cluster.metricCPUUtilization().createAlarm(stack, 'Cpu', { threshold: 80, evaluationPeriods: 3 }).addAlarmAction(new actions.SnsAction(new sns.Topic(stack, 'OnCall')));
    expect(outcomesOf(stack, 'ComponentAlarmed')).toEqual([{ outcome: 'compliant', path: 'S/Aurora/Resource' }]);
  });
});
