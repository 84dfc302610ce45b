import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { codeDeployAliasesOf, isInvokedFunction } from '../lambda/invoked-functions';
import { rollsBackOnAlarm } from '../lambda/FunctionDeployedGradually';
import { field, propertyOf } from '../properties';
import { logicalIdOf, resourcesOfType } from '../resources';

/** Whether an ECS service rolls a failed deployment back by itself (circuit breaker or alarms). */
function serviceRollsBack(node: CfnResource): boolean {
  const config = propertyOf(node, 'deploymentConfiguration');
  const breaker = field(config, 'deploymentCircuitBreaker');
  const alarms = field(config, 'alarms');
  return (field(breaker, 'enable') === true && field(breaker, 'rollback') === true)
    || (field(alarms, 'enable') === true && field(alarms, 'rollback') === true);
}

/**
 * A deployment that makes things worse is rolled back automatically, without waiting for a person:
 * an invoked function's CodeDeploy deployment group stops and rolls back on its alarms; an ECS
 * service has the deployment circuit breaker (or deployment alarms) with rollback on.
 */
export function DeploymentRollsBackOnAlarm(node: CfnResource): NagRuleResult {
  if (node.cfnResourceType === 'AWS::ECS::Service') {
    return serviceRollsBack(node) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  }
  if (!isInvokedFunction(node)) return NagRuleCompliance.NOT_APPLICABLE;
  const groups = new Set(codeDeployAliasesOf(node).flatMap((a) => [...a.deploymentGroups]));
  const rollsBack = resourcesOfType(Stack.of(node), 'AWS::CodeDeploy::DeploymentGroup')
    .some((group) => groups.has(logicalIdOf(group)) && rollsBackOnAlarm(group));
  return rollsBack ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
