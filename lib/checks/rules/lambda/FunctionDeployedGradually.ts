import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { field, propertyOf } from '../properties';
import { logicalIdOf, resourcesOfType } from '../resources';
import { codeDeployAliasesOf, isInvokedFunction } from './invoked-functions';

/** CodeDeploy's predefined Lambda configuration that shifts all traffic at once. */
const ALL_AT_ONCE = /LambdaAllAtOnce$/;

/**
 * A function that serves requests or events shifts traffic to a new version gradually (canary or
 * linear, through CodeDeploy on an alias), so a bad version reaches a slice of callers before all
 * of them. Updating `$LATEST` in place, or an alias all at once, exposes every caller at once.
 */
export function FunctionDeployedGradually(node: CfnResource): NagRuleResult {
  if (!isInvokedFunction(node)) return NagRuleCompliance.NOT_APPLICABLE;
  const groups = new Set(codeDeployAliasesOf(node).flatMap((a) => [...a.deploymentGroups]));
  const gradual = resourcesOfType(Stack.of(node), 'AWS::CodeDeploy::DeploymentGroup')
    .filter((group) => groups.has(logicalIdOf(group)))
    .some((group) => {
      const config = propertyOf(group, 'deploymentConfigName');
      // Without a name CodeDeploy shifts all at once; a config defined in the stack is gradual by construction.
      if (config === undefined) return false;
      return typeof config !== 'string' || !ALL_AT_ONCE.test(config);
    });
  return gradual ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

/** Whether a deployment group stops and rolls back when one of its alarms fires. */
export function rollsBackOnAlarm(group: CfnResource): boolean {
  const alarms = propertyOf(group, 'alarmConfiguration');
  const rollback = propertyOf(group, 'autoRollbackConfiguration');
  const events = field(rollback, 'events');
  return field(alarms, 'enabled') === true && Array.isArray(field(alarms, 'alarms')) && (field(alarms, 'alarms') as unknown[]).length > 0
    && field(rollback, 'enabled') === true && Array.isArray(events) && events.includes('DEPLOYMENT_STOP_ON_ALARM');
}
