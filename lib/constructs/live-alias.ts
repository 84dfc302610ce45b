import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { acknowledge } from '../checks/acknowledge';
import { Alerts } from './alerts';
import { UNSIGNED_ASSET_REASON } from './unsigned-assets';

/** Properties of {@link LiveAlias}. */
export interface LiveAliasProps {
  /** Receives the rollback alarm's state changes, so a rolled-back deployment reaches a person too. */
  readonly alerts: Alerts;
  /**
   * How CodeDeploy shifts traffic from the old version to the new one.
   * @default LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES
   */
  readonly deploymentConfig?: codedeploy.ILambdaDeploymentConfig;
  /**
   * Errors of the new version, per minute, that stop the deployment and roll it back.
   * @default 1
   */
  readonly errorsToRollBack?: number;
}

/**
 * The `live` alias callers invoke instead of the function itself, shifted to each new version by
 * CodeDeploy: a canary share first, the rest only if the alias's error alarm stays quiet, and an
 * automatic rollback when it fires. Updating the function in place would send every caller to an
 * untried version at once. Every caller (API integration, event source mapping, IoT rule) must invoke
 * `alias`, or it bypasses the canary.
 */
export class LiveAlias extends Construct {
  public readonly alias: lambda.Alias;
  public readonly deploymentGroup: codedeploy.LambdaDeploymentGroup;

  constructor(scope: Construct, id: string, fn: lambda.Function, props: LiveAliasProps) {
    super(scope, id);
    this.alias = new lambda.Alias(this, 'Alias', { aliasName: 'live', version: fn.currentVersion });
    const errors = new cloudwatch.Alarm(this, 'DeploymentErrors', {
      alarmDescription: `A new version of ${fn.node.id} fails while traffic shifts to it: CodeDeploy rolls it back`,
      metric: this.alias.metricErrors({ period: Duration.minutes(1), statistic: 'Sum' }),
      threshold: props.errorsToRollBack ?? 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    props.alerts.notifyOn(errors);
    this.deploymentGroup = new codedeploy.LambdaDeploymentGroup(this, 'Deployment', {
      alias: this.alias,
      deploymentConfig: props.deploymentConfig ?? codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES,
      alarms: [errors],
      autoRollback: { deploymentInAlarm: true, failedDeployment: true },
    });
    acknowledge(fn, { rule: 'WellArchitected-CodeIntegrityVerified', reason: UNSIGNED_ASSET_REASON });
    acknowledge(this.deploymentGroup, {
      rule: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited]',
      reason: 'The AWS managed role policy for CodeDeploy on Lambda: it reads alarms and updates aliases, and invokes only CodeDeployHook_ functions.',
    });
  }
}
