import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { propertyOf } from '../properties';
import { logicalIdOf, perStack, referencedIds, resourcesOfType } from '../resources';

/** Stores and queues the workload's compute depends on, whose health the compute's own metrics hide. */
const DEPENDENCY_TYPES = new Set([
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::SQS::Queue',
  'AWS::Kinesis::Stream',
  'AWS::KinesisFirehose::DeliveryStream',
]);

/** Logical IDs some alarm's metric, or some dashboard, refers to. */
function watchedIds(stack: Stack): Set<string> {
  const ids = new Set<string>();
  for (const alarm of resourcesOfType(stack, 'AWS::CloudWatch::Alarm')) {
    referencedIds(propertyOf(alarm, 'dimensions'), ids);
    referencedIds(propertyOf(alarm, 'metrics'), ids);
  }
  for (const dashboard of resourcesOfType(stack, 'AWS::CloudWatch::Dashboard')) referencedIds(propertyOf(dashboard, 'dashboardBody'), ids);
  return ids;
}

/**
 * Each dependency deployed with the workload (table, queue, stream, delivery stream) has its own
 * metrics watched by an alarm or shown on a dashboard: throttling, a growing backlog or failed
 * deliveries show up as the dependency's, before they surface as the caller's errors.
 */
export function DependencyWatched(node: CfnResource): NagRuleResult {
  if (!DEPENDENCY_TYPES.has(node.cfnResourceType)) return NagRuleCompliance.NOT_APPLICABLE;
  const stack = Stack.of(node);
  return perStack(stack, 'dependencyWatchedIds', () => watchedIds(stack)).has(logicalIdOf(node))
    ? NagRuleCompliance.COMPLIANT
    : NagRuleCompliance.NON_COMPLIANT;
}
