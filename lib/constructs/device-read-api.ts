import { Duration } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../checks/acknowledge';
import { Alerts } from './alerts';
import { httpApiAccessLogFormat } from './api-access-log-format';
import { LiveAlias } from './live-alias';
import { nodeFunction } from './node-function';
import { RealtimeReadings } from './realtime-readings';

/** Properties of {@link DeviceReadApi}. */
export interface DeviceReadApiProps {
  readonly readings: RealtimeReadings;
  readonly alerts: Alerts;
  /**
   * Steady requests per second the API accepts before throttling (bursts twice that).
   * @default 100
   */
  readonly requestsPerSecond?: number;
}

/**
 * The real-time read API the collector served in stages 1-4, without a server: an HTTP API whose
 * routes `GET /devices/{id}/latest` and `GET /devices/{id}/stats` take IAM-signed requests only
 * (SigV4: a dashboard's or an operator's role with execute-api:Invoke), and one Lambda function
 * over the real-time table that answers exactly as the collector did.
 */
export class DeviceReadApi extends Construct {
  public readonly api: apigwv2.HttpApi;
  public readonly handler: lambda.Function;

  constructor(scope: Construct, id: string, props: DeviceReadApiProps) {
    super(scope, id);
    const { table } = props.readings;
    this.handler = nodeFunction(this, 'Handler', {
      entry: 'lib/runtime/telemetry-lambda/device-reads.ts',
      environment: { TABLE_NAME: table.tableName },
      timeout: Duration.seconds(25),
    });
    table.grant(this.handler, 'dynamodb:Query');

    this.api = new apigwv2.HttpApi(this, 'Api', {
      description: 'Real-time reads of device telemetry (IAM-signed requests)',
      defaultAuthorizer: new HttpIamAuthorizer(),
      createDefaultStage: false,
    });
    // The API invokes the live alias, so a new version serves a canary share of reads first.
    const integration = new HttpLambdaIntegration('Reads', new LiveAlias(this, 'HandlerLive', this.handler, { alerts: props.alerts }).alias);
    for (const route of ['latest', 'stats']) {
      this.api.addRoutes({ path: `/devices/{id}/${route}`, methods: [apigwv2.HttpMethod.GET], integration });
    }
    const rate = props.requestsPerSecond ?? 100;
    new apigwv2.HttpStage(this, 'Stage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: rate, burstLimit: rate * 2 },
      detailedMetricsEnabled: true,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.ONE_MONTH })),
        format: httpApiAccessLogFormat(),
      },
    });

    acknowledge(this.api, {
      rule: 'WellArchitected-UserExperienceMonitored',
      reason:
        'Its callers are operators\' dashboards signing with IAM, not the public, and the workload\'s users are devices publishing over MQTT: a canary would need a device identity of its own writing synthetic readings into the real-time table, and SigV4 signing. Their experience is watched through the ingest error rate, topic-rule failures and this API\'s 5xx alarms.',
    });
    props.alerts.alarm(this, 'HandlerErrors', {
      description: 'The device read API handler is failing',
      metric: this.handler.metricErrors({ period: Duration.minutes(5) }),
      threshold: 5,
    });
    props.alerts.alarm(this, 'ServerErrors', {
      description: 'The device read API answers 5xx (the table unreachable or throttled, or the handler failing)',
      metric: new cloudwatch.Metric({ namespace: 'AWS/ApiGateway', metricName: '5xx', dimensionsMap: { ApiId: this.api.apiId }, statistic: 'Sum', period: Duration.minutes(5) }),
      threshold: 10,
    });
  }

  /** The base URL; routes are `/devices/<id>/latest` and `/devices/<id>/stats`. */
  public get url(): string {
    return this.api.apiEndpoint;
  }
}
