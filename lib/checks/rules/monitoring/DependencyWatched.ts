import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { propertyOf } from '../properties';
import { logicalIdOf, perStack, referencedIds, resourcesOfType } from '../resources';

/**
 * Data stores, queues and streams the workload's compute depends on, whose health the compute's own
 * metrics hide: tables, relational and document databases, queues, streams and delivery streams.
 */
const DEPENDENCY_TYPES = new Set([
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::RDS::DBCluster',
  'AWS::RDS::DBInstance',
  'AWS::DocDB::DBCluster',
  'AWS::SQS::Queue',
  'AWS::Kinesis::Stream',
  'AWS::KinesisFirehose::DeliveryStream',
]);

/** Whether the resource is a dependency judged on its own: an instance of a database cluster is watched through its cluster. */
function isDependency(node: CfnResource): boolean {
  if (!DEPENDENCY_TYPES.has(node.cfnResourceType)) return false;
  return node.cfnResourceType !== 'AWS::RDS::DBInstance' || propertyOf(node, 'dbClusterIdentifier') === undefined;
}

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
 * Each dependency deployed with the workload (table, database, queue, stream, delivery stream) has
 * its own metrics watched by an alarm or shown on a dashboard (OPS04-BP04): throttling, connection
 * exhaustion, a growing backlog or failed deliveries show up as the dependency's, before they
 * surface as the callers' errors. Every kind of store is judged, relational ones as much as tables.
 */
export function DependencyWatched(node: CfnResource): NagRuleResult {
  if (!isDependency(node)) return NagRuleCompliance.NOT_APPLICABLE;
  const stack = Stack.of(node);
  return perStack(stack, 'dependencyWatchedIds', () => watchedIds(stack)).has(logicalIdOf(node))
    ? NagRuleCompliance.COMPLIANT
    : NagRuleCompliance.NON_COMPLIANT;
}
