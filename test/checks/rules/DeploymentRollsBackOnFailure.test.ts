import { Duration } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { functionBehindCodeDeploy } from './lambda-deployments';
import { smallFunction } from './lambda-fixtures';
import { fleet, newStack, outcomesOf, vpcOf } from './support';

describe('WellArchitected-DeploymentRollsBackOnFailure', () => {
  test('a function whose deployment group rolls back on alarms is compliant; one without alarms, or without a deployment group, is not', () => {
    const stack = newStack();
    functionBehindCodeDeploy(stack, 'Guarded', codedeploy.LambdaDeploymentConfig.LINEAR_10PERCENT_EVERY_1MINUTE, true);
    functionBehindCodeDeploy(stack, 'Unguarded', codedeploy.LambdaDeploymentConfig.LINEAR_10PERCENT_EVERY_1MINUTE, false);
    smallFunction(stack, 'InPlace');
    expect(outcomesOf(stack, 'DeploymentRollsBackOnFailure')).toEqual([
      { outcome: 'compliant', path: 'S/Guarded/Resource' },
      { outcome: 'nonCompliant', path: 'S/Unguarded/Resource' },
      { outcome: 'nonCompliant', path: 'S/InPlace/Resource' },
    ]);
  });

  test('a fleet update that waits on instance signals is compliant; one that does not is not', () => {
    const stack = newStack();
    fleet(stack, 'Signalled', {
      updatePolicy: autoscaling.UpdatePolicy.rollingUpdate({ waitOnResourceSignals: true }),
      signals: autoscaling.Signals.waitForMinCapacity({ timeout: Duration.minutes(10) }),
    });
    fleet(stack, 'Replaced', { updatePolicy: autoscaling.UpdatePolicy.replacingUpdate(), signals: autoscaling.Signals.waitForAll() });
    fleet(stack, 'Unsignalled', { updatePolicy: autoscaling.UpdatePolicy.rollingUpdate() });
    expect(outcomesOf(stack, 'DeploymentRollsBackOnFailure')).toEqual([
      { outcome: 'compliant', path: 'S/Signalled/ASG' },
      { outcome: 'compliant', path: 'S/Replaced/ASG' },
      { outcome: 'nonCompliant', path: 'S/Unsignalled/ASG' },
    ]);
  });

  test('an ECS service with the circuit breaker rolling back is compliant, one without it is not', () => {
    const stack = newStack();
    const cluster = new ecs.Cluster(stack, 'Cluster', { vpc: vpcOf(stack) });
    const taskDefinition = new ecs.FargateTaskDefinition(stack, 'Task');
    taskDefinition.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest') });
    new ecs.FargateService(stack, 'Breaker', { cluster, taskDefinition, minHealthyPercent: 100, circuitBreaker: { rollback: true } });
    new ecs.FargateService(stack, 'Plain', { cluster, taskDefinition, minHealthyPercent: 100 });
    expect(outcomesOf(stack, 'DeploymentRollsBackOnFailure')).toEqual([
      { outcome: 'compliant', path: 'S/Breaker/Service' },
      { outcome: 'nonCompliant', path: 'S/Plain/Service' },
    ]);
  });
});
