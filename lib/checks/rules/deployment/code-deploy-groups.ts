import { CfnResource, Stack } from 'aws-cdk-lib';
import { codeDeployAliasesOf } from '../lambda/invoked-functions';
import { field, listField, propertyOf } from '../properties';
import { logicalIdOf, resourcesOfType } from '../resources';

/** CodeDeploy's predefined Lambda configuration that shifts all traffic at once. */
const ALL_AT_ONCE = /AllAtOnce$/;

/** The CodeDeploy deployment groups in the stack that shift traffic on one of the function's aliases. */
export function deploymentGroupsOfFunction(fn: CfnResource): readonly CfnResource[] {
  const groups = new Set(codeDeployAliasesOf(fn).flatMap((a) => [...a.deploymentGroups]));
  if (groups.size === 0) return [];
  return resourcesOfType(Stack.of(fn), 'AWS::CodeDeploy::DeploymentGroup').filter((group) => groups.has(logicalIdOf(group)));
}

/**
 * Whether a deployment group shifts traffic gradually (canary or linear). Without a configuration
 * name CodeDeploy uses an all-at-once default; a configuration defined in the stack has a canary or
 * linear traffic-routing rule by construction (AllAtOnce needs no custom configuration).
 */
export function shiftsGradually(group: CfnResource): boolean {
  const config = propertyOf(group, 'deploymentConfigName');
  if (config === undefined) return false;
  return typeof config !== 'string' || !ALL_AT_ONCE.test(config);
}

/** Whether a deployment group stops and rolls back when one of its alarms fires. */
export function rollsBackOnAlarm(group: CfnResource): boolean {
  const alarms = propertyOf(group, 'alarmConfiguration');
  const rollback = propertyOf(group, 'autoRollbackConfiguration');
  return field(alarms, 'enabled') === true && listField(alarms, 'alarms').length > 0
    && field(rollback, 'enabled') === true && listField(rollback, 'events').includes('DEPLOYMENT_STOP_ON_ALARM');
}
