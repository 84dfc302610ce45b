import { Duration } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../checks/acknowledge';
import { Alerts } from './alerts';
import { httpApiAccessLogFormat } from './api-access-log-format';

/** Properties of {@link ViewerApi}. */
export interface ViewerApiProps {
  readonly alerts: Alerts;
  /**
   * Steady-state requests per second the API accepts (burst is twice that).
   * @default 1000
   */
  readonly requestsPerSecond?: number;
}

/** Who may call a route. */
export type RouteAccess = 'anyone' | 'iam';

/**
 * The platform's HTTP API once no load balancer is left to route to a pool: an API Gateway HTTP API
 * that each serverless part adds its routes to (the catalog from stage 3, chat history from stage 4),
 * with access logs, throttling and an alarm on server errors. Viewers' pages call it from the media
 * distribution's domain, so reads allow any origin.
 */
export class ViewerApi extends Construct {
  public readonly api: apigwv2.HttpApi;
  private readonly iam = new HttpIamAuthorizer();

  constructor(scope: Construct, id: string, props: ViewerApiProps) {
    super(scope, id);
    this.api = new apigwv2.HttpApi(this, 'Api', {
      description: 'Video platform API: catalog and chat history',
      createDefaultStage: false,
      corsPreflight: { allowOrigins: ['*'], allowMethods: [apigwv2.CorsHttpMethod.GET, apigwv2.CorsHttpMethod.HEAD], maxAge: Duration.hours(1) },
    });
    const rate = props.requestsPerSecond ?? 1000;
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
    props.alerts.alarm(this, 'ServerErrors', {
      description: 'The video platform API answers with 5xx errors',
      metric: this.api.metricServerError({ period: Duration.minutes(1), statistic: 'Sum' }),
      threshold: 10,
    });
    const anonymous = 'Viewers browse the catalog and read chat history without signing in, as on the talk\'s platform; adding a video takes an IAM-signed request.';
    acknowledge(this.api, { rule: 'AwsSolutions-APIG4', reason: anonymous }, { rule: 'WellArchitected-EntryPointAuthenticated', reason: anonymous });
  }

  /** Routes each key (`GET /video/catalog/{id}`) to the function. */
  public addRoutes(id: string, handler: lambda.IFunction, routeKeys: readonly string[], access: (routeKey: string) => RouteAccess): void {
    const integration = new HttpLambdaIntegration(`${id}Integration`, handler);
    for (const routeKey of routeKeys) {
      const [method, path] = routeKey.split(' ') as [keyof typeof apigwv2.HttpMethod, string];
      this.api.addRoutes({
        path,
        methods: [apigwv2.HttpMethod[method]],
        integration,
        authorizer: access(routeKey) === 'iam' ? this.iam : undefined,
      });
    }
  }

  /** The API's base URL. */
  public get url(): string {
    return this.api.apiEndpoint;
  }
}
