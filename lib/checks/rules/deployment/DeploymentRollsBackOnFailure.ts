import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { isInvokedFunction } from '../lambda/invoked-functions';
import { field, propertyOf } from '../properties';
import { templateEntry } from '../resources';
import { deploymentGroupsOfFunction, rollsBackOnAlarm } from './code-deploy-groups';
import { verdict } from '../verdict';

const isTrue = (value: unknown) => value === true || value === 'true';

/**
 * CloudFormation rolls a fleet's update back when new instances do not signal success in time: a
 * rolling update that waits on signals, or a replacing update whose new group must signal (its
 * creation policy) before the old one goes.
 */
function fleetRollsBack(node: CfnResource): boolean {
  const { UpdatePolicy: policy, CreationPolicy: creation } = templateEntry(node);
  if (isTrue(policy?.AutoScalingRollingUpdate?.WaitOnResourceSignals)) return true;
  return isTrue(policy?.AutoScalingReplacingUpdate?.WillReplace) && creation?.ResourceSignal !== undefined;
}

/** ECS rolls a service back by itself on failed tasks (deployment circuit breaker) or on CloudWatch alarms. */
function serviceRollsBack(node: CfnResource): boolean {
  const controller = field(propertyOf(node, 'deploymentController'), 'type') ?? 'ECS';
  // CodeDeploy's blue/green rolls back through its deployment group, which names the service only by name.
  if (controller === 'CODE_DEPLOY') return true;
  const config = propertyOf(node, 'deploymentConfiguration');
  const breaker = field(config, 'deploymentCircuitBreaker');
  const alarms = field(config, 'alarms');
  return (field(breaker, 'enable') === true && field(breaker, 'rollback') === true)
    || (field(alarms, 'enable') === true && field(alarms, 'rollback') === true);
}

/**
 * A deployment that goes wrong is rolled back automatically, without waiting for a person
 * (OPS06-BP04): an invoked function's CodeDeploy deployment group stops and rolls back on its
 * alarms; a fleet's rolling or replacing update waits on instance signals, so CloudFormation rolls
 * it back when new instances do not come up healthy; an ECS service has the circuit breaker or
 * deployment alarms with rollback on. Every kind of compute is judged alike.
 */
export function DeploymentRollsBackOnFailure(node: CfnResource): NagRuleResult {
  switch (node.cfnResourceType) {
    case 'AWS::AutoScaling::AutoScalingGroup':
      return verdict(fleetRollsBack(node));
    case 'AWS::ECS::Service':
      return verdict(serviceRollsBack(node));
    case 'AWS::Lambda::Function':
      if (!isInvokedFunction(node)) return NagRuleCompliance.NOT_APPLICABLE;
      return verdict(deploymentGroupsOfFunction(node).some(rollsBackOnAlarm));
    default:
      return NagRuleCompliance.NOT_APPLICABLE;
  }
}
