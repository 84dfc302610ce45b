import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { smallFunction } from './lambda-fixtures';
import { newStack, outcomesOf } from './support';

describe('WellArchitected-FunctionDeployedGradually', () => {
  test('a function behind an alias CodeDeploy shifts by canary is compliant; all at once, or no alias, is not', () => {
    const stack = newStack();
    for (const [id, deploymentConfig] of [['Canary', codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES], ['AllAtOnce', codedeploy.LambdaDeploymentConfig.ALL_AT_ONCE]] as const) {
      const fn = smallFunction(stack, id, {}, false);
      const alias = new lambda.Alias(stack, `${id}Live`, { aliasName: 'live', version: fn.currentVersion });
      alias.grantInvoke(new iam.ServicePrincipal('apigateway.amazonaws.com'));
      new codedeploy.LambdaDeploymentGroup(stack, `${id}Deployment`, {
        alias,
        deploymentConfig,
        alarms: [new cloudwatch.Alarm(stack, `${id}Errors`, { metric: fn.metricErrors(), threshold: 1, evaluationPeriods: 1 })],
      });
    }
    smallFunction(stack, 'InPlace');
    expect(outcomesOf(stack, 'FunctionDeployedGradually')).toEqual([
      { outcome: 'compliant', path: 'S/Canary/Resource' },
      { outcome: 'nonCompliant', path: 'S/AllAtOnce/Resource' },
      { outcome: 'nonCompliant', path: 'S/InPlace/Resource' },
    ]);
  });
});
