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
}
