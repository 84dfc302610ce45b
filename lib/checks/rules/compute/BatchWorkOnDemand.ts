import { CfnResource, Stack } from 'aws-cdk-lib';
import { CfnAutoScalingGroup } from 'aws-cdk-lib/aws-autoscaling';
import { CfnService, CfnTaskDefinition } from 'aws-cdk-lib/aws-ecs';
import { CfnRule } from 'aws-cdk-lib/aws-events';
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { DECLARED_TAGS } from '../declared-tags';
import { refersTo, resourcesOfType, tagList } from '../resources';

/**
 * Batch work runs only while there is work: a task started by a schedule or an event, not a fleet or
 * service that idles between jobs (and competes with interactive work while it runs). Fleets that
 * declare batch components (`wa:batch`) are always on; a task definition that an EventBridge rule or
 * schedule starts, and no service keeps running, is on demand.
 */
export function BatchWorkOnDemand(node: CfnResource): NagRuleResult {
  if (node instanceof CfnAutoScalingGroup) {
    return tagList(node, DECLARED_TAGS.batch).length > 0 ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.NOT_APPLICABLE;
  }
  if (!(node instanceof CfnTaskDefinition)) return NagRuleCompliance.NOT_APPLICABLE;
  const stack = Stack.of(node);
  const keptRunning = (resourcesOfType(stack, CfnService.CFN_RESOURCE_TYPE_NAME) as CfnService[]).some((s) => refersTo(s, s.taskDefinition, node));
  if (keptRunning) {
    return tagList(node, DECLARED_TAGS.batch).length > 0 ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.NOT_APPLICABLE;
  }
  const started =
    (resourcesOfType(stack, CfnRule.CFN_RESOURCE_TYPE_NAME) as CfnRule[]).some((r) => refersTo(r, r.targets, node)) ||
    (resourcesOfType(stack, CfnSchedule.CFN_RESOURCE_TYPE_NAME) as CfnSchedule[]).some((s) => refersTo(s, s.target, node));
  return started ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NOT_APPLICABLE;
}
