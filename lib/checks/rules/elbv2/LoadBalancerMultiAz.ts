import { CfnResource } from 'aws-cdk-lib';
import { CfnLoadBalancer } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { longestList } from '../resources';

/** A load balancer has nodes in at least two subnets (Availability Zones), so a zone outage leaves an entry point. */
export function LoadBalancerMultiAz(node: CfnResource): NagRuleResult {
  if (!(node instanceof CfnLoadBalancer)) return NagRuleCompliance.NOT_APPLICABLE;
  return longestList(node, node.subnets, node.subnetMappings) >= 2 ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
