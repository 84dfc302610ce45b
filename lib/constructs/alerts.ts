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
 * events. Its key policy lets CloudWatch alarms publish, and the Auto Scaling service-linked role once
 * a fleet reports here, which an AWS-managed SNS key would not allow.
 */
export class Alerts extends Construct {
  public readonly topic: sns.Topic;
  private readonly key: kms.Key;
  private readonly action: actions.SnsAction;
  private autoScalingAllowed = false;

  constructor(scope: Construct, id: string, props: AlertsProps = {}) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: 'Encrypts the operations alerts topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        // CloudWatch alarms, and event rules that notify operators (failed batch tasks, live stream health).
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com'), new iam.ServicePrincipal('events.amazonaws.com')],
        resources: ['*'],
      }),
    );
    this.topic = new sns.Topic(this, 'Topic', { masterKey: this.key, enforceSSL: true });
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
   * Lets Auto Scaling publish fleet events to the encrypted topic. Auto Scaling publishes as its
   * service-linked role, which has no access to customer managed keys of its own. KMS rejects a key
   * policy that names a principal that does not exist yet, and that role exists only once an account
   * has used Auto Scaling; creating it in the stack fails where it already exists. So the grant names
   * no role: it allows any caller whose ARN is that role's, from this account, through SNS only.
   */
  public allowAutoScalingNotifications(): void {
    if (this.autoScalingAllowed) return;
    this.autoScalingAllowed = true;
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AutoScalingFleetEventsViaSns',
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        principals: [new iam.AnyPrincipal()],
        resources: ['*'],
        conditions: {
          StringEquals: {
            'aws:PrincipalArn': `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
            'kms:CallerAccount': Aws.ACCOUNT_ID,
            'kms:ViaService': `sns.${Aws.REGION}.amazonaws.com`,
          },
        },
      }),
    );
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
