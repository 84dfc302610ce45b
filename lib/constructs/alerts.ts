import { Aws, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** Properties of {@link Alerts}. */
export interface AlertsProps {
  /**
   * An e-mail address subscribed to the topic. Confirming the subscription is up to its owner.
   * @default - no subscription; subscribe your on-call tooling to the topic
   */
  readonly email?: string;
}

/**
 * One encrypted SNS topic for everything the operators must hear about: alarms and Auto Scaling fleet
 * events. Its key policy lets CloudWatch alarms and the Auto Scaling service-linked role publish, which
 * an AWS-managed SNS key would not allow.
 */
export class Alerts extends Construct {
  public readonly topic: sns.Topic;
  private readonly action: actions.SnsAction;

  constructor(scope: Construct, id: string, props: AlertsProps = {}) {
    super(scope, id);
    const key = new kms.Key(this, 'Key', {
      description: 'Encrypts the operations alerts topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const publishers = [
      new iam.ServicePrincipal('cloudwatch.amazonaws.com'),
      // Event rules that notify operators (failed batch tasks, live stream health) publish through EventBridge.
      new iam.ServicePrincipal('events.amazonaws.com'),
      new iam.ArnPrincipal(
        `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
      ),
    ];
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        principals: publishers,
        resources: ['*'],
      }),
    );
    this.topic = new sns.Topic(this, 'Topic', { masterKey: key, enforceSSL: true });
    if (props.email) {
      new sns.Subscription(this, 'Email', {
        topic: this.topic,
        protocol: sns.SubscriptionProtocol.EMAIL,
        endpoint: props.email,
      });
    }
    this.action = new actions.SnsAction(this.topic);
  }

  /** Sends the alarm's state changes (in and out of ALARM) to the topic. */
  public notifyOn(alarm: cloudwatch.Alarm): void {
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
  }

  /**
   * An alarm on a metric that notifies the topic: breaching when the metric is above the threshold
   * (or below, with `below`) for `evaluationPeriods` periods; missing data is not a breach.
   */
  public alarm(scope: Construct, id: string, props: WatchProps): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(scope, id, {
      alarmDescription: props.description,
      metric: props.metric,
      threshold: props.threshold,
      comparisonOperator: props.below ? cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD : cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: props.evaluationPeriods ?? 3,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.notifyOn(alarm);
    return alarm;
  }
}

/** What {@link Alerts.alarm} watches. */
export interface WatchProps {
  /** Says what is wrong when it fires; operators read it in the notification. */
  readonly description: string;
  readonly metric: cloudwatch.IMetric;
  readonly threshold: number;
  /**
   * Breach below the threshold instead of above it.
   * @default false
   */
  readonly below?: boolean;
  /** @default 3 */
  readonly evaluationPeriods?: number;
}
