import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../checks/acknowledge';
import { Alerts } from './alerts';

/** Options of {@link deadLetterQueue}. */
export interface DeadLetterQueueOptions {
  /**
   * Whether another queue's redrive policy will name this one (rather than a Lambda destination or an
   * event source's on-failure setting).
   * @default false
   */
  readonly redriveOf?: boolean;
}

/**
 * A dead-letter queue: encrypted, TLS only, messages kept for the SQS maximum of 14 days, and an alarm
 * as soon as anything lands in it, because a message here is work the platform failed to do.
 */
export function deadLetterQueue(scope: Construct, id: string, alerts: Alerts, what: string, options: DeadLetterQueueOptions = {}): sqs.Queue {
  const queue = new sqs.Queue(scope, id, {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const alarm = new cloudwatch.Alarm(queue, 'NotEmpty', {
    alarmDescription: `${what} landed in a dead-letter queue`,
    metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
    threshold: 0,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  alerts.notifyOn(alarm);
  // cdk-nag tells a dead-letter queue by another queue's redrive policy; a Lambda or rule destination it cannot see.
  if (!options.redriveOf) {
    acknowledge(queue, {
      rule: 'AwsSolutions-SQS3',
      reason: 'This queue is itself a dead-letter queue; its messages are kept 14 days and raise an alarm on arrival.',
    });
  }
  return queue;
}
