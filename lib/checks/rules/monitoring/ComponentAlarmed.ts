import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { isWorkloadComponent } from './components';
import { cfnProperties, logicalIdOf, perStack, referencedIds, resourcesOfType } from '../resources';

/** Whether an alarm with these settings tells someone when it fires. */
function notifies(actionsEnabled: unknown, actions: unknown): boolean {
  return actionsEnabled !== false && Array.isArray(actions) && actions.length > 0;
}

/** Logical IDs that some alarm with actions, or some event rule that notifies a topic, watches. */
function watchedIds(stack: Stack): Set<string> {
  const watched = new Set<string>();
  // An alarm without actions of its own still reaches a person through a composite alarm that has them.
  const combined = new Set<string>();
  for (const composite of resourcesOfType(stack, 'AWS::CloudWatch::CompositeAlarm')) {
    const p = cfnProperties(composite);
    if (notifies(p.ActionsEnabled, p.AlarmActions)) referencedIds(p.AlarmRule, combined);
  }
  for (const alarm of resourcesOfType(stack, 'AWS::CloudWatch::Alarm')) {
    const p = cfnProperties(alarm);
    if (!notifies(p.ActionsEnabled, p.AlarmActions) && !combined.has(logicalIdOf(alarm))) continue;
    referencedIds([p.Dimensions, p.Metrics], watched);
  }
  const topics = new Set(resourcesOfType(stack, 'AWS::SNS::Topic').map(logicalIdOf));
  for (const rule of resourcesOfType(stack, 'AWS::Events::Rule')) {
    const p = cfnProperties(rule);
    if ([...referencedIds(p.Targets)].some((id) => topics.has(id))) referencedIds(p.EventPattern, watched);
  }
  return watched;
}

/** For fleets behind a load balancer, an alarm on their target group watches them too. */
function relatedIds(node: CfnResource): string[] {
  if (node.cfnResourceType === 'AWS::AutoScaling::AutoScalingGroup') return [...referencedIds(cfnProperties(node).TargetGroupARNs)];
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
