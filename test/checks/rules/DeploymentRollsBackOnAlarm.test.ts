import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { smallFunction } from './lambda-fixtures';
import { newStack, outcomesOf } from './support';

describe('WellArchitected-DeploymentRollsBackOnAlarm', () => {
  test('a function whose deployment group rolls back on alarms is compliant; one without alarms, or without a deployment group, is not', () => {
    const stack = newStack();
    for (const withAlarms of [true, false]) {
      const id = withAlarms ? 'Guarded' : 'Unguarded';
      const fn = smallFunction(stack, id, {}, false);
      const alias = new lambda.Alias(stack, `${id}Live`, { aliasName: 'live', version: fn.currentVersion });
      alias.grantInvoke(new iam.ServicePrincipal('apigateway.amazonaws.com'));
      new codedeploy.LambdaDeploymentGroup(stack, `${id}Deployment`, {
        alias,
        deploymentConfig: codedeploy.LambdaDeploymentConfig.LINEAR_10PERCENT_EVERY_1MINUTE,
        alarms: withAlarms ? [new cloudwatch.Alarm(stack, `${id}Errors`, { metric: fn.metricErrors(), threshold: 1, evaluationPeriods: 1 })] : [],
      });
    }
    smallFunction(stack, 'InPlace');
    expect(outcomesOf(stack, 'DeploymentRollsBackOnAlarm')).toEqual([
      { outcome: 'compliant', path: 'S/Guarded/Resource' },
      { outcome: 'nonCompliant', path: 'S/Unguarded/Resource' },
      { outcome: 'nonCompliant', path: 'S/InPlace/Resource' },
    ]);
  });

  test('an ECS service with the circuit breaker rolling back is compliant, one without it is not', () => {
    const stack = newStack();
    const cluster = new ecs.Cluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc', { natGateways: 0 }) });
    const taskDefinition = new ecs.FargateTaskDefinition(stack, 'Task');
    taskDefinition.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest') });
    new ecs.FargateService(stack, 'Breaker', { cluster, taskDefinition, circuitBreaker: { rollback: true } });
    new ecs.FargateService(stack, 'Plain', { cluster, taskDefinition });
    expect(outcomesOf(stack, 'DeploymentRollsBackOnAlarm')).toEqual([
      { outcome: 'compliant', path: 'S/Breaker/Service' },
      { outcome: 'nonCompliant', path: 'S/Plain/Service' },
    ]);
  });
});
