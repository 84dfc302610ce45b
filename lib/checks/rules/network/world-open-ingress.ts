import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { field, listField, propertyOf } from '../properties';

type Rule = (node: CfnResource) => NagRuleResult;

/** Whether a source range may be the whole internet: `/0`, or a value synth cannot see. */
function mayBeWorld(cidr: unknown): boolean {
  if (cidr === undefined) return false;
  return typeof cidr !== 'string' || cidr.endsWith('/0');
}

/** The ingress entries of a security group, or the one a standalone ingress resource is. */
function ingressEntries(node: CfnResource): unknown[] {
  if (node.cfnResourceType === 'AWS::EC2::SecurityGroup') return listField({ i: propertyOf(node, 'securityGroupIngress') }, 'i');
  return [{ cidrIp: propertyOf(node, 'cidrIp'), cidrIpv6: propertyOf(node, 'cidrIpv6') }];
}

/**
 * Decides a rule about ports open to the internet before reading any port: an ingress whose source
 * is another security group, a prefix list or a bounded range is closed to the internet whatever
 * its port. cdk-nag's port rules resolve the port first and throw on a port that is a reference
 * (a database endpoint's `Fn::GetAtt`), which left those ingresses undecided.
 */
export function judgedOnWorldOpenIngress(rule: Rule): Rule {
  const judged = (node: CfnResource): NagRuleResult => {
    if (node.cfnResourceType !== 'AWS::EC2::SecurityGroup' && node.cfnResourceType !== 'AWS::EC2::SecurityGroupIngress') {
      return NagRuleCompliance.NOT_APPLICABLE;
    }
    const open = ingressEntries(node).some((entry) => mayBeWorld(field(entry, 'cidrIp')) || mayBeWorld(field(entry, 'cidrIpv6')));
    return open ? rule(node) : NagRuleCompliance.COMPLIANT;
  };
  return Object.defineProperty(judged, 'name', { value: rule.name });
}
