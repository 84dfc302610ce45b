import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { isWorkloadComponent } from './components';
import { cfnProperties, logicalIdOf, perStack, referencedIds, resourcesOfType } from '../resources';

/**
 * Every workload component shows on a CloudWatch dashboard, so operators see the workload's health
 * in one place during an incident instead of assembling graphs while customers wait.
 */
export function ComponentOnDashboard(node: CfnResource): NagRuleResult {
  if (!isWorkloadComponent(node)) return NagRuleCompliance.NOT_APPLICABLE;
  const stack = Stack.of(node);
  const shown = perStack(stack, 'dashboardIds', () => {
    const ids = new Set<string>();
    for (const dashboard of resourcesOfType(stack, 'AWS::CloudWatch::Dashboard')) referencedIds(cfnProperties(dashboard).DashboardBody, ids);
    return ids;
  });
  return shown.has(logicalIdOf(node)) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
