import { CfnTemplate } from '../../../lib/evolution/data-safety';
import { resourcesOf } from './template-resources';

/** The logical ID a `Fn::GetAtt` or `Ref` points at, if the value is one. */
function referenced(value: any): string | undefined {
  return value?.['Fn::GetAtt']?.[0] ?? value?.Ref;
}

/** Whether a queue policy statement lets EventBridge send messages. */
function letsEventBridgeSend(statement: Record<string, any>): boolean {
  const actions = [statement.Action].flat();
  const services = [statement.Principal?.Service].flat();
  return statement.Effect === 'Allow' && services.includes('events.amazonaws.com') && actions.some((a) => a === 'sqs:SendMessage' || a === 'sqs:*');
}

/**
 * EventBridge targets' dead-letter queues AWS would not deliver to: "EventBridge DLQs are standard
 * Amazon SQS queues" (a FIFO queue is refused at PutTargets), and EventBridge sends to the queue only
 * when the queue's resource policy grants events.amazonaws.com sqs:SendMessage (EventBridge User
 * Guide, "Using dead-letter queues to process undelivered events").
 */
export function eventDeadLetterProblems(template: CfnTemplate): string[] {
  const problems: string[] = [];
  const policies = resourcesOf(template, 'AWS::SQS::QueuePolicy');
  for (const [ruleId, rule] of resourcesOf(template, 'AWS::Events::Rule')) {
    for (const target of (rule.Properties?.Targets ?? []) as Array<Record<string, any>>) {
      const dlq = target.DeadLetterConfig?.Arn;
      if (dlq === undefined) continue;
      const queueId = referenced(dlq);
      const queue = queueId === undefined ? undefined : template.Resources?.[queueId];
      if (!queue || queue.Type !== 'AWS::SQS::Queue') {
        problems.push(`${ruleId} target ${target.Id}: dead-letter queue is not a queue of this stack`);
        continue;
      }
      if (queue.Properties?.FifoQueue === true || queue.Properties?.FifoQueue === 'true') problems.push(`${ruleId} target ${target.Id}: ${queueId} is FIFO`);
      const granted = policies.some(([, policy]) =>
        ((policy.Properties?.Queues ?? []) as unknown[]).some((q) => referenced(q) === queueId)
        && ((policy.Properties?.PolicyDocument?.Statement ?? []) as Array<Record<string, any>>).some(letsEventBridgeSend));
      if (!granted) problems.push(`${ruleId} target ${target.Id}: ${queueId}'s policy does not let events.amazonaws.com send`);
    }
  }
  return problems;
}
