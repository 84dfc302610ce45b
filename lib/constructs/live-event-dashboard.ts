import { Duration, Fn } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ivs from 'aws-cdk-lib/aws-ivs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/** An API Gateway API shown on the dashboard. */
export interface DashboardApi {
  /** Widget title, e.g. `Viewer API`. */
  readonly title: string;
  readonly apiId: string;
  /** HTTP APIs count requests; WebSocket APIs count connections and messages. */
  readonly protocol: 'http' | 'websocket';
}

/** Properties of {@link LiveEventDashboard}. */
export interface LiveEventDashboardProps {
  /** The live channel: viewers and the health of the incoming stream. */
  readonly channel: ivs.CfnChannel;
  /** The distribution that serves recordings and video on demand. */
  readonly distribution: cloudfront.Distribution;
  readonly apis: readonly DashboardApi[];
  /** Every Lambda function under these constructs gets its errors, throttles and p99 duration shown. */
  readonly functionsUnder: readonly Construct[];
}

const PERIOD = Duration.minutes(1);

/**
 * The one screen operators watch during a live event: viewers and ingest health from IVS, the CDN's
 * error rates, each API's traffic and errors, and every function's errors, throttles and latency.
 * IVS took the stream pipeline off the team's hands; this is where the time went instead.
 */
export class LiveEventDashboard extends Construct {
  public readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: LiveEventDashboardProps) {
    super(scope, id);
    // IVS reports per channel ID, the last part of the channel ARN.
    const channelId = Fn.select(1, Fn.split('/', props.channel.attrArn));
    const ivsMetric = (metricName: string, statistic: string) =>
      new cloudwatch.Metric({ namespace: 'AWS/IVS', metricName, dimensionsMap: { Channel: channelId }, statistic, period: PERIOD });
    const functions = props.functionsUnder.flatMap((c) => c.node.findAll()).filter((c): c is lambda.Function => c instanceof lambda.Function);
    const perFunction = (metric: (fn: lambda.Function) => cloudwatch.IMetric) => functions.map(metric);

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.hours(3),
      widgets: [
        [
          new cloudwatch.GraphWidget({ title: 'Live viewers', left: [ivsMetric('ConcurrentViews', 'Maximum')], width: 8 }),
          new cloudwatch.GraphWidget({
            title: 'Incoming stream health',
            left: [ivsMetric('IngestVideoBitrate', 'Average')],
            right: [ivsMetric('IngestFramerate', 'Average'), ivsMetric('KeyframeInterval', 'Maximum')],
            width: 8,
          }),
          new cloudwatch.GraphWidget({
            title: 'CDN error rates (%)',
            left: [props.distribution.metric4xxErrorRate({ period: PERIOD }), props.distribution.metric5xxErrorRate({ period: PERIOD })],
            right: [props.distribution.metricRequests({ period: PERIOD, statistic: 'Sum' })],
            width: 8,
          }),
        ],
        props.apis.map((api) => this.apiWidget(api)),
        [
          new cloudwatch.GraphWidget({ title: 'Function errors', left: perFunction((fn) => fn.metricErrors({ period: PERIOD })), width: 8 }),
          new cloudwatch.GraphWidget({ title: 'Function throttles', left: perFunction((fn) => fn.metricThrottles({ period: PERIOD })), width: 8 }),
          new cloudwatch.GraphWidget({ title: 'Function duration p99', left: perFunction((fn) => fn.metricDuration({ period: PERIOD, statistic: 'p99' })), width: 8 }),
        ],
      ],
    });
  }

  private apiWidget(api: DashboardApi): cloudwatch.GraphWidget {
    const metric = (metricName: string, statistic = 'Sum') =>
      new cloudwatch.Metric({ namespace: 'AWS/ApiGateway', metricName, dimensionsMap: { ApiId: api.apiId }, statistic, period: PERIOD });
    return api.protocol === 'http'
      ? new cloudwatch.GraphWidget({ title: api.title, left: [metric('Count'), metric('5xx'), metric('4xx')], right: [metric('Latency', 'p99')], width: 12 })
      : new cloudwatch.GraphWidget({
          title: api.title,
          left: [metric('ConnectCount'), metric('MessageCount'), metric('ExecutionError'), metric('ClientError')],
          right: [metric('IntegrationLatency', 'p99')],
          width: 12,
        });
  }
}
