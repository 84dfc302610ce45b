import { CfnResource } from 'aws-cdk-lib';
import { CfnLoadBalancer } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { resolved } from '../resources';

/** A load balancer has nodes in at least two subnets (Availability Zones), so a zone outage leaves an entry point. */
export function LoadBalancerMultiAz(node: CfnResource): NagRuleResult {
  if (!(node instanceof CfnLoadBalancer)) return NagRuleCompliance.NOT_APPLICABLE;
  const subnets = resolved(node, node.subnets);
  const mappings = resolved(node, node.subnetMappings);
  const spread = Math.max(Array.isArray(subnets) ? subnets.length : 0, Array.isArray(mappings) ? mappings.length : 0);
  return spread >= 2 ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
