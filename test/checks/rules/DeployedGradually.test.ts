import { Duration } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { functionBehindCodeDeploy } from './lambda-deployments';
import { smallFunction } from './lambda-fixtures';
import { fleet, newStack, outcomesOf, vpcOf } from './support';

describe('WellArchitected-DeployedGradually', () => {
  test('a function behind an alias CodeDeploy shifts by canary is compliant; all at once, or updated in place, is not', () => {
    const stack = newStack();
    functionBehindCodeDeploy(stack, 'Canary', codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES, true);
    functionBehindCodeDeploy(stack, 'AllAtOnce', codedeploy.LambdaDeploymentConfig.ALL_AT_ONCE, true);
    smallFunction(stack, 'InPlace');
    smallFunction(stack, 'NotInvoked', {}, false);
    expect(outcomesOf(stack, 'DeployedGradually')).toEqual([
      { outcome: 'compliant', path: 'S/Canary/Resource' },
      { outcome: 'nonCompliant', path: 'S/AllAtOnce/Resource' },
      { outcome: 'nonCompliant', path: 'S/InPlace/Resource' },
    ]);
  });

  test('a fleet rolled in batches smaller than the group, or replaced blue/green, is compliant; one batch of the whole group, or no update policy, is not', () => {
    const stack = newStack();
    const signals = autoscaling.Signals.waitForMinCapacity({ timeout: Duration.minutes(10) });
    fleet(stack, 'Rolling', { minCapacity: 2, updatePolicy: autoscaling.UpdatePolicy.rollingUpdate(), signals });
    fleet(stack, 'BlueGreen', { minCapacity: 2, updatePolicy: autoscaling.UpdatePolicy.replacingUpdate(), signals: autoscaling.Signals.waitForAll() });
    fleet(stack, 'WholeGroup', { minCapacity: 2, updatePolicy: autoscaling.UpdatePolicy.rollingUpdate({ maxBatchSize: 2 }) });
    fleet(stack, 'NoPolicy', { minCapacity: 2 });
    expect(outcomesOf(stack, 'DeployedGradually')).toEqual([
      { outcome: 'compliant', path: 'S/Rolling/ASG' },
      { outcome: 'compliant', path: 'S/BlueGreen/ASG' },
      { outcome: 'nonCompliant', path: 'S/WholeGroup/ASG' },
      { outcome: 'nonCompliant', path: 'S/NoPolicy/ASG' },
    ]);
  });

  test('an ECS service rolling with a healthy share is compliant; one that stops every task first is not', () => {
    const stack = newStack();
    const cluster = new ecs.Cluster(stack, 'Cluster', { vpc: vpcOf(stack) });
    const taskDefinition = new ecs.FargateTaskDefinition(stack, 'Task');
    taskDefinition.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest') });
    new ecs.FargateService(stack, 'Rolling', { cluster, taskDefinition, minHealthyPercent: 50 });
    new ecs.FargateService(stack, 'StopAll', { cluster, taskDefinition, minHealthyPercent: 0 });
    expect(outcomesOf(stack, 'DeployedGradually')).toEqual([
      { outcome: 'compliant', path: 'S/Rolling/Service' },
      { outcome: 'nonCompliant', path: 'S/StopAll/Service' },
    ]);
  });
});
