import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { field, listField, propertyOf } from '../properties';

/**
 * A web ACL protects by itself as threats change: it uses rule groups AWS or a vendor keeps up to
 * date (managed rule groups) or rate-based rules that block a source once its traffic turns abusive.
 * A web ACL of fixed match rules only blocks what someone thought of when writing them.
 */
export function WebAclAdaptsToThreats(node: CfnResource): NagRuleResult {
  if (node.cfnResourceType !== 'AWS::WAFv2::WebACL') return NagRuleCompliance.NOT_APPLICABLE;
  const adaptive = listField({ rules: propertyOf(node, 'rules') }, 'rules').some((rule) => {
    const statement = field(rule, 'statement');
    return field(statement, 'managedRuleGroupStatement') !== undefined || field(statement, 'rateBasedStatement') !== undefined;
  });
  return adaptive ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
