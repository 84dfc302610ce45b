import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { cfnProperties } from '../resources';

/**
 * A load balancer's targets keep no client state, so any healthy target can serve any request: a
 * target group with sticky sessions pins clients to the instance that holds their state, and when
 * that instance fails or scales in, its clients lose their sessions and reconnect all at once.
 * Keep session state in a store (DynamoDB, ElastiCache) instead. Lambda targets are stateless by
 * construction and are not judged.
 */
export function TargetsStateless(node: CfnResource): NagRuleResult {
  if (node.cfnResourceType !== 'AWS::ElasticLoadBalancingV2::TargetGroup') return NagRuleCompliance.NOT_APPLICABLE;
  const props = cfnProperties(node);
  if (props.TargetType === 'lambda') return NagRuleCompliance.NOT_APPLICABLE;
  const attributes = (props.TargetGroupAttributes ?? []) as Array<{ Key?: string; Value?: unknown }>;
  const sticky = attributes.some((a) => a.Key === 'stickiness.enabled' && String(a.Value) === 'true');
  return sticky ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}
