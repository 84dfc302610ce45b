import { RemovalPolicy } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct, IDependable } from 'constructs';
import { acknowledge } from '../checks/acknowledge';

/**
 * API Gateway's CloudWatch Logs role: an account setting, one per region, that every REST and WebSocket
 * API stage needs before it may log. An account that never set it rejects a logging stage ("CloudWatch
 * Logs role ARN must be set in account settings to enable logging").
 *
 * The setting is a singleton this stack cannot own alone: another stack or a person may set it too, and
 * the last writer wins. So the role and the setting are retained, never deleted: a later stage, a stage
 * moved back or `cdk destroy` leaves the setting pointing at a role that still exists, and whoever
 * writes it next points it at a role with the same AWS managed policy. Nothing breaks another
 * stack's logging at any point.
 */
export class ApiGatewayLoggingRole extends Construct {
  /** Make a logging stage depend on this, so it is created after the setting. */
  public readonly setting: IDependable;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      description: 'API Gateway writes execution and access logs of this region to CloudWatch Logs',
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonAPIGatewayPushToCloudWatchLogs')],
    });
    role.applyRemovalPolicy(RemovalPolicy.RETAIN);
    const account = new apigateway.CfnAccount(this, 'Account', { cloudWatchRoleArn: role.roleArn });
    account.applyRemovalPolicy(RemovalPolicy.RETAIN);
    this.setting = account;

    acknowledge(role, {
      rule: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason: 'The AWS managed policy is the documented permission set of the API Gateway CloudWatch Logs role; AWS keeps it current.',
    });
  }
}
