import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { bootScriptOf, schedulesRecurringWork } from '../relations/boot-script';
import { cfnProperties, isType, logicalIdOf, perStack, referencedIds, resourcesOfType } from '../resources';

/** Task definitions (by logical ID) that an ECS service keeps running, and those an EventBridge rule or schedule starts. */
function taskStarts(stack: Stack): { keptRunning: Set<string>; started: Set<string> } {
  const keptRunning = new Set<string>();
  for (const service of resourcesOfType(stack, 'AWS::ECS::Service')) referencedIds(cfnProperties(service).TaskDefinition, keptRunning);
  const started = new Set<string>();
  for (const rule of resourcesOfType(stack, 'AWS::Events::Rule')) referencedIds(cfnProperties(rule).Targets, started);
  for (const schedule of resourcesOfType(stack, 'AWS::Scheduler::Schedule')) referencedIds(cfnProperties(schedule).Target, started);
  return { keptRunning, started };
}

/**
 * Batch work runs only while there is work: a task an EventBridge rule or schedule starts (and no
 * service keeps running) is on demand. A fleet or server whose boot script schedules recurring work
 * (cron, a systemd timer) runs batch work on always-on capacity, where it idles between runs and
 * competes with interactive work while it runs. Work the template cannot see (jobs an app starts by
 * itself) is not judged.
 */
export function BatchWorkOnDemand(node: CfnResource): NagRuleResult {
  if (isType(node, 'AWS::AutoScaling::AutoScalingGroup', 'AWS::EC2::Instance')) {
    return schedulesRecurringWork(bootScriptOf(node)) ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.NOT_APPLICABLE;
  }
  if (!isType(node, 'AWS::ECS::TaskDefinition')) return NagRuleCompliance.NOT_APPLICABLE;
  const stack = Stack.of(node);
  const { keptRunning, started } = perStack(stack, 'taskStarts', () => taskStarts(stack));
  const id = logicalIdOf(node);
  return started.has(id) && !keptRunning.has(id) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NOT_APPLICABLE;
}
