import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { propertyOf } from '../properties';
import { resourcesOfType } from '../resources';

/** Whether the node is where users reach the workload from the internet. */
function isPublicEntryPoint(node: CfnResource): boolean {
  switch (node.cfnResourceType) {
    case 'AWS::CloudFront::Distribution':
    case 'AWS::ApiGateway::RestApi':
    case 'AWS::ApiGatewayV2::Api':
      return true;
    case 'AWS::ElasticLoadBalancingV2::LoadBalancer':
      return propertyOf(node, 'scheme') !== 'internal' && (propertyOf(node, 'type') ?? 'application') === 'application';
    default:
      return false;
  }
}

/**
 * The workload measures what its users experience, not only what its components report: a
 * CloudWatch Synthetics canary exercises it on a schedule (so a failure shows even when nobody is
 * using it), or CloudWatch RUM collects real users' page loads and errors. Judged on the public
 * entry points; either kind of monitor in the stack counts, since a canary's script, not the
 * template, names what it calls.
 */
export function UserExperienceMonitored(node: CfnResource): NagRuleResult {
  if (!isPublicEntryPoint(node)) return NagRuleCompliance.NOT_APPLICABLE;
  const stack = Stack.of(node);
  const monitored = resourcesOfType(stack, 'AWS::Synthetics::Canary').length > 0 || resourcesOfType(stack, 'AWS::RUM::AppMonitor').length > 0;
  return monitored ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
