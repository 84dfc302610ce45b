import { CfnResource, Stack } from 'aws-cdk-lib';
import { CfnEventSourceMapping } from 'aws-cdk-lib/aws-lambda';
import { CfnQueue } from 'aws-cdk-lib/aws-sqs';
import { NagRuleCompliance, NagRuleResult, rules } from 'cdk-nag';
import { refersTo, resolved, resourcesOfType } from '../resources';

/**
 * A batch an event source mapping fails on every retry lands somewhere it can be replayed. For streams
 * and Kafka that is the mapping's on-failure destination (cdk-nag's rule, reused as it is). An SQS
 * mapping takes no on-failure destination: the queue's own redrive policy moves a message that keeps
 * failing to a dead-letter queue, so that is what it is judged by.
 */
export function LambdaEventSourceMappingDestination(node: CfnResource): NagRuleResult {
  if (!(node instanceof CfnEventSourceMapping)) return NagRuleCompliance.NOT_APPLICABLE;
  const queue = (resourcesOfType(Stack.of(node), CfnQueue.CFN_RESOURCE_TYPE_NAME) as CfnQueue[]).find((q) => refersTo(node, node.eventSourceArn, q));
  if (!queue) return rules.lambda.LambdaEventSourceMappingDestination(node);
  const redrive = resolved(queue, queue.redrivePolicy) as { deadLetterTargetArn?: unknown } | undefined;
  return redrive?.deadLetterTargetArn ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
