import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { newStack, outcomesOf } from './support';

const visibilityConfig = { cloudWatchMetricsEnabled: true, metricName: 'acl', sampledRequestsEnabled: true };

describe('WellArchitected-WebAclAdaptsToThreats', () => {
  test('a web ACL with a managed rule group or a rate-based rule is compliant; fixed match rules only are not', () => {
    const stack = newStack();
    new wafv2.CfnWebACL(stack, 'Managed', {
      scope: 'CLOUDFRONT', defaultAction: { allow: {} }, visibilityConfig,
      rules: [{ name: 'common', priority: 0, overrideAction: { none: {} }, visibilityConfig, statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesCommonRuleSet' } } }],
    });
    new wafv2.CfnWebACL(stack, 'RateLimited', {
      scope: 'REGIONAL', defaultAction: { allow: {} }, visibilityConfig,
      rules: [{ name: 'flood', priority: 0, action: { block: {} }, visibilityConfig, statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: 'IP' } } }],
    });
    new wafv2.CfnWebACL(stack, 'Fixed', {
      scope: 'REGIONAL', defaultAction: { allow: {} }, visibilityConfig,
      rules: [{ name: 'geo', priority: 0, action: { block: {} }, visibilityConfig, statement: { geoMatchStatement: { countryCodes: ['AQ'] } } }],
    });
    expect(outcomesOf(stack, 'WebAclAdaptsToThreats')).toEqual([
      { outcome: 'compliant', path: 'S/Managed' },
      { outcome: 'compliant', path: 'S/RateLimited' },
      { outcome: 'nonCompliant', path: 'S/Fixed' },
    ]);
  });
});
