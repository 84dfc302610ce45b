import { ArnFormat, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/** Properties of {@link EdgeProtection}. */
export interface EdgeProtectionProps {
  /**
   * Requests one client IP may make in any five minutes before it is blocked. A viewer fetches a
   * media segment every two to six seconds (about 150 requests in five minutes); the ceiling leaves
   * room for a venue of viewers behind one address.
   * @default 10000
   */
  readonly requestsPerFiveMinutesPerIp?: number;
}

const MANAGED_RULE_GROUPS = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesAmazonIpReputationList'];

/**
 * An AWS WAF web ACL for a CloudFront distribution (scope CLOUDFRONT, which only exists in
 * us-east-1): AWS managed rule groups for common exploits, known bad inputs and IP reputation, and a
 * rate-based rule that throttles any single client before it can exhaust the origin. The requests it
 * blocks or counts are logged, as evidence for investigating an attack; allowed requests (a viewer
 * fetches a segment every few seconds) are not, which would multiply the log bill for no evidence.
 */
export class EdgeProtection extends Construct {
  public readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeProtectionProps = {}) {
    super(scope, id);
    const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: true,
    });
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      description: 'Managed protections and per-IP throttling for the media distribution',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('MediaEdge'),
      rules: [
        {
          name: 'ThrottlePerIp',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: props.requestsPerFiveMinutesPerIp ?? 10_000, aggregateKeyType: 'IP' } },
          visibilityConfig: visibility('ThrottlePerIp'),
        },
        ...MANAGED_RULE_GROUPS.map((name, index) => ({
          name,
          priority: index + 1,
          overrideAction: { none: {} },
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
          visibilityConfig: visibility(name),
        })),
      ],
    });
    this.logBlockedRequests();
  }

  private logBlockedRequests(): void {
    const stack = Stack.of(this);
    // WAF delivers only to log groups whose name starts with aws-waf-logs-. The group outlives the web
    // ACL (it is evidence), so its name carries the ACL's id: a web ACL created again, after a stage
    // without one, gets a new group instead of colliding with the one kept.
    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: Fn.join('-', ['aws-waf-logs', stack.stackName, this.webAcl.attrId]),
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // LoggingFilter is untyped JSON in the L1, so its keys are written as the template spells them.
    const keep = (action: string) => ({ Behavior: 'KEEP', Requirement: 'MEETS_ANY', Conditions: [{ ActionCondition: { Action: action } }] });
    new wafv2.CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      // The log group's ARN without the trailing :* that logGroupArn carries; WAF rejects that form.
      logDestinationConfigs: [stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: logGroup.logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
      loggingFilter: { DefaultBehavior: 'DROP', Filters: [keep('BLOCK'), keep('COUNT')] },
    });
  }

  public get arn(): string {
    return this.webAcl.attrArn;
  }
}
