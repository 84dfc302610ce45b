import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { cfnProperties } from '../resources';

interface Pitr {
  PointInTimeRecoveryEnabled?: unknown;
}

const enabled = (pitr: Pitr | undefined) => pitr?.PointInTimeRecoveryEnabled === true || pitr?.PointInTimeRecoveryEnabled === 'true';

/** The resource types this rule judges; any other is not applicable before its properties are rendered. */
const JUDGED_TYPES: ReadonlySet<string> = new Set(['AWS::DynamoDB::GlobalTable', 'AWS::DynamoDB::Table']);

/**
 * A DynamoDB table (or every replica of a global table) has point-in-time recovery, so a bad write or
 * a bug can be undone to any second of the last 35 days. cdk-nag's own rule reads `AWS::DynamoDB::Table`
 * only; `TableV2` synthesizes global tables.
 */
export function TablePointInTimeRecovery(node: CfnResource): NagRuleResult {
  if (!JUDGED_TYPES.has(node.cfnResourceType)) return NagRuleCompliance.NOT_APPLICABLE;
  const properties = cfnProperties(node);
  if (node.cfnResourceType === 'AWS::DynamoDB::Table') {
    return enabled(properties.PointInTimeRecoverySpecification) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  }
  if (node.cfnResourceType === 'AWS::DynamoDB::GlobalTable') {
    const replicas = (properties.Replicas ?? []) as Array<{ PointInTimeRecoverySpecification?: Pitr }>;
    const all = replicas.length > 0 && replicas.every((r) => enabled(r.PointInTimeRecoverySpecification));
    return all ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  }
  return NagRuleCompliance.NOT_APPLICABLE;
}
