import { Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { smallFunction } from './lambda-fixtures';

/**
 * A function that callers reach through a `live` alias, which CodeDeploy shifts with this
 * configuration; with `rollbackAlarm` the deployment group stops and rolls back on an error alarm.
 */
export function functionBehindCodeDeploy(stack: Stack, id: string, deploymentConfig: codedeploy.ILambdaDeploymentConfig, rollbackAlarm: boolean): lambda.Function {
  const fn = smallFunction(stack, id, {}, false);
  const alias = new lambda.Alias(stack, `${id}Live`, { aliasName: 'live', version: fn.currentVersion });
  alias.grantInvoke(new iam.ServicePrincipal('apigateway.amazonaws.com'));
  new codedeploy.LambdaDeploymentGroup(stack, `${id}Deployment`, {
    alias,
    deploymentConfig,
    alarms: rollbackAlarm ? [new cloudwatch.Alarm(stack, `${id}Errors`, { metric: alias.metricErrors(), threshold: 1, evaluationPeriods: 1 })] : [],
  });
  return fn;
}
