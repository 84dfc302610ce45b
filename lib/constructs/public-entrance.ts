import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from '../checks/acknowledge';
import { Alerts } from './alerts';
import { AppPool } from './app-pool';
import { Network } from './network';

/** Properties of {@link PublicEntrance}. */
export interface PublicEntranceProps {
  readonly network: Network;
  readonly accessLogs: s3.IBucket;
  readonly alerts: Alerts;
  /**
   * ACM certificate (same region) for HTTPS. With one, port 443 serves and port 80 redirects to it.
   * @default - plain HTTP on port 80, enough for a workshop; never for real viewers
   */
  readonly certificateArn?: string;
}

/**
 * The internet-facing Application Load Balancer: access logs on, invalid headers dropped, a five-minute
 * idle timeout so chat WebSockets survive quiet spells, and a 5xx alarm.
 */
export class PublicEntrance extends Construct {
  public readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  public readonly listener: elbv2.ApplicationListener;
  private hasDefaultAction = false;

  constructor(scope: Construct, id: string, props: PublicEntranceProps) {
    super(scope, id);
    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc: props.network.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      internetFacing: true,
      dropInvalidHeaderFields: true,
      idleTimeout: Duration.seconds(300),
    });
    this.loadBalancer.logAccessLogs(props.accessLogs, 'alb');

    if (props.certificateArn) {
      this.listener = this.loadBalancer.addListener('Https', {
        port: 443,
        certificates: [elbv2.ListenerCertificate.fromArn(props.certificateArn)],
        sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
      });
      this.loadBalancer.addRedirect({ sourcePort: 80, targetPort: 443 });
    } else {
      this.listener = this.loadBalancer.addListener('Http', { port: 80 });
    }

    const serverErrors = new cloudwatch.Alarm(this, 'ServerErrors', {
      alarmDescription: 'The load balancer or its targets answer with 5xx errors',
      metric: this.loadBalancer.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, {
        period: Duration.minutes(1),
        statistic: 'Sum',
      }),
      threshold: 10,
      evaluationPeriods: 3,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    props.alerts.notifyOn(serverErrors);

    acknowledge(this.loadBalancer, {
      rule: 'AwsSolutions-EC23',
      reason: 'The load balancer is the public entry point for viewers: it must accept traffic from anywhere on its listener ports.',
    });
  }

  /** Sends every request to one pool: the monolith's single target group. */
  public routeEverythingTo(pool: AppPool): void {
    pool.attachTo(this.listener);
    this.hasDefaultAction = true;
  }

  /** Sends requests for the given paths to a pool; anything unmatched gets a JSON 404. */
  public routePaths(pool: AppPool, paths: string[], priority: number): void {
    if (!this.hasDefaultAction) {
      this.listener.addAction('NotFound', {
        action: elbv2.ListenerAction.fixedResponse(404, { contentType: 'application/json', messageBody: '{"error":"not found"}' }),
      });
      this.hasDefaultAction = true;
    }
    pool.attachTo(this.listener, { paths, priority });
  }

  /** The URL viewers use. */
  public get url(): string {
    const scheme = this.listener.port === 443 ? 'https' : 'http';
    return `${scheme}://${this.loadBalancer.loadBalancerDnsName}`;
  }
}
