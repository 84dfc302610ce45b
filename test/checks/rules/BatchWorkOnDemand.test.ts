import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import { fleet, newStack, outcomesOf, vpcOf } from './support';

function analysisTask(stack: Stack, id = 'Analyse'): ecs.FargateTaskDefinition {
  const task = new ecs.FargateTaskDefinition(stack, id);
  task.addContainer('Job', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:latest') });
  return task;
}

const cluster = (stack: Stack) => (stack.node.tryFindChild('Cluster') as ecs.Cluster | undefined) ?? new ecs.Cluster(stack, 'Cluster', { vpc: vpcOf(stack) });

describe('WellArchitected-BatchWorkOnDemand', () => {
  test('a task an EventBridge rule starts on a schedule is compliant', () => {
    const stack = newStack();
    const task = analysisTask(stack);
    new events.Rule(stack, 'Nightly', {
      schedule: events.Schedule.cron({ hour: '2', minute: '0' }),
      targets: [new targets.EcsTask({ cluster: cluster(stack), taskDefinition: task, subnetSelection: { subnetType: ec2.SubnetType.PUBLIC }, assignPublicIp: true })],
    });
    expect(outcomesOf(stack, 'BatchWorkOnDemand')).toEqual([{ outcome: 'compliant', path: 'S/Analyse/Resource' }]);
  });

  test('a task EventBridge Scheduler starts is compliant', () => {
    const stack = newStack();
    const task = analysisTask(stack);
    new scheduler.Schedule(stack, 'Nightly', {
      schedule: scheduler.ScheduleExpression.cron({ hour: '2', minute: '0' }),
      target: new schedulerTargets.EcsRunFargateTask(cluster(stack), { taskDefinition: task, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }, assignPublicIp: true }),
    });
    expect(outcomesOf(stack, 'BatchWorkOnDemand')).toEqual([{ outcome: 'compliant', path: 'S/Analyse/Resource' }]);
  });

  test('a fleet whose boot script installs a cron job or a systemd timer runs batch work on always-on servers: not compliant', () => {
    const stack = newStack();
    fleet(stack, 'Cron').addUserData("echo '30 1 * * * analyst /opt/app/bin/nightly-report' > /etc/cron.d/nightly-report");
    fleet(stack, 'Timer').addUserData('cat > /etc/systemd/system/analyse.timer <<UNIT', '[Timer]', 'OnCalendar=*-*-* 01:30:00', 'UNIT', 'systemctl enable --now analyse.timer');
    expect(outcomesOf(stack, 'BatchWorkOnDemand')).toEqual([
      { outcome: 'nonCompliant', path: 'S/Cron/ASG' },
      { outcome: 'nonCompliant', path: 'S/Timer/ASG' },
    ]);
  });

  test('a task a service keeps running is not on demand, even if a rule also starts it', () => {
    const stack = newStack();
    const task = analysisTask(stack);
    new ecs.FargateService(stack, 'Service', { cluster: cluster(stack), taskDefinition: task });
    new events.Rule(stack, 'Nightly', {
      schedule: events.Schedule.cron({ hour: '2', minute: '0' }),
      targets: [new targets.EcsTask({ cluster: cluster(stack), taskDefinition: task, subnetSelection: { subnetType: ec2.SubnetType.PUBLIC }, assignPublicIp: true })],
    });
    expect(outcomesOf(stack, 'BatchWorkOnDemand')).toEqual([]);
  });

  test('fleets whose boot script schedules nothing, services, and tasks nothing starts are not judged', () => {
    const stack = newStack();
    fleet(stack);
    new ecs.FargateService(stack, 'Service', { cluster: cluster(stack), taskDefinition: analysisTask(stack, 'Web') });
    analysisTask(stack, 'Idle');
    expect(outcomesOf(stack, 'BatchWorkOnDemand')).toEqual([]);
  });
});
