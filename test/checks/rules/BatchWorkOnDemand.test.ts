import { Stack, Tags } from 'aws-cdk-lib';
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

const cluster = (stack: Stack) => new ecs.Cluster(stack, 'Cluster', { vpc: vpcOf(stack) });

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

  test('a fleet that declares batch components is always on, so it is not', () => {
    const stack = newStack();
    Tags.of(fleet(stack)).add('wa:batch', 'analyse');
    expect(outcomesOf(stack, 'BatchWorkOnDemand')).toEqual([{ outcome: 'nonCompliant', path: 'S/Fleet/ASG' }]);
  });

  test('a batch task a service keeps running is not', () => {
    const stack = newStack();
    const task = analysisTask(stack);
    Tags.of(task).add('wa:batch', 'analyse');
    new ecs.FargateService(stack, 'Service', { cluster: cluster(stack), taskDefinition: task });
    expect(outcomesOf(stack, 'BatchWorkOnDemand')).toEqual([{ outcome: 'nonCompliant', path: 'S/Analyse/Resource' }]);
  });

  test('interactive fleets and services, and tasks nothing starts, are not judged', () => {
    const stack = newStack();
    fleet(stack);
    new ecs.FargateService(stack, 'Service', { cluster: cluster(stack), taskDefinition: analysisTask(stack, 'Web') });
    analysisTask(stack, 'Idle');
    expect(outcomesOf(stack, 'BatchWorkOnDemand')).toEqual([]);
  });
});
