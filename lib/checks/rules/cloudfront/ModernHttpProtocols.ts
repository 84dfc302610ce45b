import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { field, listField, propertyOf } from '../properties';

/**
 * Viewers reach the workload over HTTP/2 or HTTP/3, which multiplex requests over one connection
 * (and, for HTTP/3, recover from packet loss without head-of-line blocking): a CloudFront
 * distribution left at CloudFormation's default of HTTP/1.1, or an Application Load Balancer with
 * HTTP/2 switched off, makes every client open more connections and wait longer.
 */
export function ModernHttpProtocols(node: CfnResource): NagRuleResult {
  if (node.cfnResourceType === 'AWS::CloudFront::Distribution') {
    const version = String(field(propertyOf(node, 'distributionConfig'), 'httpVersion') ?? 'http1.1');
    return version === 'http1.1' ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
  }
  if (node.cfnResourceType === 'AWS::ElasticLoadBalancingV2::LoadBalancer') {
    if ((propertyOf(node, 'type') ?? 'application') !== 'application') return NagRuleCompliance.NOT_APPLICABLE;
    const attributes = listField({ a: propertyOf(node, 'loadBalancerAttributes') }, 'a');
    const http2Off = attributes.some((a) => field(a, 'key') === 'routing.http2.enabled' && String(field(a, 'value')) === 'false');
    return http2Off ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
  }
  return NagRuleCompliance.NOT_APPLICABLE;
}
