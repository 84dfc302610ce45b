import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { cfnProperties, isType, logicalIdOf, referencedIds, resourcesOfType } from '../resources';

/**
 * A batch an event source mapping fails on every retry lands somewhere it can be replayed. For streams
 * and Kafka that is the mapping's on-failure destination. An SQS mapping takes no on-failure
 * destination: the queue's own redrive policy moves a message that keeps failing to a dead-letter
 * queue, so that is what it is judged by.
 */
export function LambdaEventSourceMappingDestination(node: CfnResource): NagRuleResult {
  if (!isType(node, 'AWS::Lambda::EventSourceMapping')) return NagRuleCompliance.NOT_APPLICABLE;
  const properties = cfnProperties(node);
  const sources = referencedIds(properties.EventSourceArn);
  const queue = resourcesOfType(Stack.of(node), 'AWS::SQS::Queue').find((q) => sources.has(logicalIdOf(q)));
  const literalQueue = typeof properties.EventSourceArn === 'string' && properties.EventSourceArn.includes(':sqs:');
  if (queue) return cfnProperties(queue).RedrivePolicy?.deadLetterTargetArn ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  if (literalQueue) return NagRuleCompliance.NOT_APPLICABLE; // a queue outside the stack: its redrive policy is not visible
  return properties.DestinationConfig?.OnFailure?.Destination !== undefined ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
