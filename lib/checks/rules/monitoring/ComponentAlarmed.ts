import { CfnResource, Stack } from 'aws-cdk-lib';
import { CfnAutoScalingGroup } from 'aws-cdk-lib/aws-autoscaling';
import { CfnAlarm, CfnCompositeAlarm } from 'aws-cdk-lib/aws-cloudwatch';
import { CfnRule } from 'aws-cdk-lib/aws-events';
import { CfnTopic } from 'aws-cdk-lib/aws-sns';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { isWorkloadComponent } from './components';
import { logicalIdOf, perStack, referencedIds, resolved, resourcesOfType } from '../resources';

/** Whether an alarm with these settings tells someone when it fires. */
function notifies(actionsEnabled: unknown, actions: unknown): boolean {
  return actionsEnabled !== false && Array.isArray(actions) && actions.length > 0;
}

/** Logical IDs that some alarm with actions, or some event rule that notifies a topic, watches. */
function watchedIds(stack: Stack): Set<string> {
  const watched = new Set<string>();
  // An alarm without actions of its own still reaches a person through a composite alarm that has them.
  const combined = new Set<string>();
  for (const composite of resourcesOfType(stack, CfnCompositeAlarm.CFN_RESOURCE_TYPE_NAME) as CfnCompositeAlarm[]) {
    if (notifies(resolved(composite, composite.actionsEnabled), resolved(composite, composite.alarmActions))) {
      referencedIds(resolved(composite, composite.alarmRule), combined);
    }
  }
  for (const alarm of resourcesOfType(stack, CfnAlarm.CFN_RESOURCE_TYPE_NAME) as CfnAlarm[]) {
    if (!notifies(resolved(alarm, alarm.actionsEnabled), resolved(alarm, alarm.alarmActions)) && !combined.has(logicalIdOf(alarm))) continue;
    referencedIds(resolved(alarm, [alarm.dimensions, alarm.metrics]), watched);
  }
  const topics = new Set((resourcesOfType(stack, CfnTopic.CFN_RESOURCE_TYPE_NAME) as CfnResource[]).map(logicalIdOf));
  for (const rule of resourcesOfType(stack, CfnRule.CFN_RESOURCE_TYPE_NAME) as CfnRule[]) {
    const notifies = [...referencedIds(resolved(rule, rule.targets))].some((id) => topics.has(id));
    if (notifies) referencedIds(resolved(rule, rule.eventPattern), watched);
  }
  return watched;
}

/** For fleets behind a load balancer, an alarm on their target group watches them too. */
function relatedIds(node: CfnResource): string[] {
  if (node instanceof CfnAutoScalingGroup) return [...referencedIds(resolved(node, node.targetGroupArns))];
  return [];
}

/**
 * Every workload component (fleet, function, task, load balancer, API, distribution, database, live
 * channel, IoT rule) is watched by a CloudWatch alarm with an action, or an event rule that notifies a
 * topic, so its failure reaches a person instead of waiting for a customer to report it.
 */
export function ComponentAlarmed(node: CfnResource): NagRuleResult {
  if (!isWorkloadComponent(node)) return NagRuleCompliance.NOT_APPLICABLE;
  const stack = Stack.of(node);
  const watched = perStack(stack, 'watchedIds', () => watchedIds(stack));
  const ids = [logicalIdOf(node), ...relatedIds(node)];
  return ids.some((id) => watched.has(id)) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
