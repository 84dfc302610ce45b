import { ArnFormat, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';

const MANAGED_RULE_GROUPS = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesAmazonIpReputationList'];

/**
 * Exercise "Put WAF in front" (video 1-2, IoT 1-4): an AWS WAF web ACL (scope REGIONAL, in the
 * stack's region) on every Application Load Balancer of the stack, with AWS managed rule groups for
 * common exploits, known bad inputs and IP reputation, and a rate-based rule that blocks any single
 * client IP above `requestsPerFiveMinutesPerIp`; the requests it blocks or counts are logged, as
 * evidence for investigating an attack. Call it at the end of the stage's build function:
 * `putWafInFront(stack);`. Costs about $5 a month per web ACL, $1 per rule and $0.60 per million requests.
 */
export function putWafInFront(stack: Stack, requestsPerFiveMinutesPerIp = 10_000): wafv2.CfnWebACL {
  const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
    cloudWatchMetricsEnabled: true,
    metricName,
    sampledRequestsEnabled: true,
  });
  const webAcl = new wafv2.CfnWebACL(stack, 'EntranceWebAcl', {
    scope: 'REGIONAL',
    description: 'Managed protections and per-IP throttling for the public load balancer',
    defaultAction: { allow: {} },
    visibilityConfig: visibility('Entrance'),
    rules: [
      {
        name: 'ThrottlePerIp',
        priority: 0,
        action: { block: {} },
        statement: { rateBasedStatement: { limit: requestsPerFiveMinutesPerIp, aggregateKeyType: 'IP' } },
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
  // WAF writes only to log groups named aws-waf-logs-..., given by an ARN without the trailing :*. The
  // group is kept when the web ACL goes, so its name carries the ACL's id: a new ACL gets a new group.
  const blocked = new logs.LogGroup(stack, 'EntranceWebAclLogs', {
    logGroupName: Fn.join('-', ['aws-waf-logs', stack.stackName, webAcl.attrId]),
    retention: logs.RetentionDays.THREE_MONTHS,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const keep = (action: string) => ({ Behavior: 'KEEP', Requirement: 'MEETS_ANY', Conditions: [{ ActionCondition: { Action: action } }] });
  new wafv2.CfnLoggingConfiguration(stack, 'EntranceWebAclLogging', {
    resourceArn: webAcl.attrArn,
    logDestinationConfigs: [stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: blocked.logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
    // Allowed requests (every media segment) are not logged: that would multiply the log bill for no evidence.
    loggingFilter: { DefaultBehavior: 'DROP', Filters: [keep('BLOCK'), keep('COUNT')] },
  });
  const loadBalancers = stack.node
    .findAll()
    .filter((c): c is elbv2.CfnLoadBalancer => c instanceof elbv2.CfnLoadBalancer && c.type !== 'network');
  if (loadBalancers.length === 0) throw new Error(`${stack.stackName} has no Application Load Balancer to protect at this stage`);
  loadBalancers.forEach((lb, index) =>
    new wafv2.CfnWebACLAssociation(stack, `EntranceWebAclAssociation${index === 0 ? '' : index + 1}`, { resourceArn: lb.ref, webAclArn: webAcl.attrArn }),
  );
  return webAcl;
}
