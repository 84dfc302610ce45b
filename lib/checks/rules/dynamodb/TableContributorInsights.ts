import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { field, listField, propertyOf } from '../properties';

/**
 * A DynamoDB table records which keys take the most traffic and the most throttling (CloudWatch
 * Contributor Insights), beyond the table-level metrics DynamoDB always publishes: a hot partition
 * key is invisible in averages. A global table needs it on every replica.
 */
export function TableContributorInsights(node: CfnResource): NagRuleResult {
  const enabled = (spec: unknown) => field(spec, 'enabled') === true;
  if (node.cfnResourceType === 'AWS::DynamoDB::Table') {
    return enabled(propertyOf(node, 'contributorInsightsSpecification')) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  }
  if (node.cfnResourceType === 'AWS::DynamoDB::GlobalTable') {
    const replicas = listField({ replicas: propertyOf(node, 'replicas') }, 'replicas');
    return replicas.length > 0 && replicas.every((r) => enabled(field(r, 'contributorInsightsSpecification')))
      ? NagRuleCompliance.COMPLIANT
      : NagRuleCompliance.NON_COMPLIANT;
  }
  return NagRuleCompliance.NOT_APPLICABLE;
}
