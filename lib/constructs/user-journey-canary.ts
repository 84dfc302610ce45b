import { CfnElement, Duration, Stack, Token } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as synthetics from 'aws-cdk-lib/aws-synthetics';
import { Construct } from 'constructs';
import { acknowledge } from '../checks/acknowledge';
import { Alerts } from './alerts';

/** Properties of {@link UserJourneyCanary}. */
export interface UserJourneyCanaryProps {
  readonly alerts: Alerts;
  /** The requests a user's visit makes, in order: a step name and the URL it GETs (anonymous). */
  readonly steps: Record<string, string>;
  /** Where each run's logs and report land (under `canary/`). */
  readonly artifacts: s3.IBucket;
  /**
   * How often the journey runs. Each run costs $0.0012: every 10 minutes is about $5 a month.
   * @default Duration.minutes(10)
   */
  readonly every?: Duration;
}

/**
 * The request a run makes of each step; a status outside 200-399 fails the step. Node's `fetch`
 * follows redirects, so a 3xx that ends well is a pass.
 */
const SCRIPT = `
const synthetics = require('Synthetics');
exports.handler = async () => {
  for (const [name, url] of Object.entries(JSON.parse(process.env.JOURNEY))) {
    await synthetics.executeStep(name, async () => {
      const response = await fetch(url, { headers: { 'user-agent': 'CloudWatchSynthetics' } });
      if (!response.ok) throw new Error(name + ': HTTP ' + response.status + ' from ' + url);
    });
  }
};
`;

/**
 * A CloudWatch Synthetics canary that walks the requests of a user's visit on a schedule, so a broken
 * journey alarms even when nobody is using the workload and every component's own metrics look
 * healthy (OPS04-BP03): the failure a user would meet first, measured where the user meets it.
 */
export class UserJourneyCanary extends Construct {
  public readonly canary: synthetics.Canary;

  constructor(scope: Construct, id: string, props: UserJourneyCanaryProps) {
    super(scope, id);
    const every = props.every ?? Duration.minutes(10);
    this.canary = new synthetics.Canary(this, 'Canary', {
      runtime: synthetics.Runtime.SYNTHETICS_NODEJS_PUPPETEER_13_0,
      test: synthetics.Test.custom({ handler: 'index.handler', code: synthetics.Code.fromInline(SCRIPT) }),
      schedule: synthetics.Schedule.rate(every),
      environmentVariables: { JOURNEY: Stack.of(this).toJsonString(props.steps) },
      artifactsBucketLocation: { bucket: props.artifacts, prefix: 'canary' },
      // Failed runs are the signal; their reports are kept, passing ones only a week.
      successRetentionPeriod: Duration.days(7),
      failureRetentionPeriod: Duration.days(31),
    });
    props.alerts.alarm(this, 'JourneyFailing', {
      description: `The ${id} journey fails: users cannot complete it`,
      metric: this.canary.metricSuccessPercent({ period: every, statistic: 'Average' }),
      threshold: 100,
      below: true,
      evaluationPeriods: 2,
    });
    // The role CDK writes for a canary: the grants Synthetics documents for running one.
    const stack = Stack.of(this);
    const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
    acknowledge(
      this.canary.role,
      {
        rule: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(props.artifacts.node.defaultChild as CfnElement)}.Arn>/canary/*]`,
        reason: 'The canary writes each run\'s report under new keys of its own prefix of the artifacts bucket.',
      },
      {
        rule: `AwsSolutions-IAM5[Resource::arn:aws:logs:${region}:<AWS::AccountId>:log-group:/aws/lambda/cwsyn-*]`,
        reason: 'Synthetics names the canary\'s log group when it creates the canary; the grant covers canary log groups only.',
      },
      {
        rule: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'cloudwatch:PutMetricData (limited by condition to the CloudWatchSynthetics namespace) and s3:ListAllMyBuckets take no narrower resource.',
      },
    );
  }
}
