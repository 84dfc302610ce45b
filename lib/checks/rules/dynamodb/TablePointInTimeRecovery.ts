import { CfnResource } from 'aws-cdk-lib';
import { CfnGlobalTable, CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { resolved } from '../resources';

/** As the L1 holds it (camelCase until the template is rendered). */
interface Pitr {
  pointInTimeRecoveryEnabled?: boolean;
}

/**
 * A DynamoDB table (or every replica of a global table) has point-in-time recovery, so a bad write or
 * a bug can be undone to any second of the last 35 days. cdk-nag's own rule reads `AWS::DynamoDB::Table`
 * only; `TableV2` synthesizes global tables.
 */
export function TablePointInTimeRecovery(node: CfnResource): NagRuleResult {
  if (node instanceof CfnTable) {
    const pitr = resolved(node, node.pointInTimeRecoverySpecification) as Pitr | undefined;
    return pitr?.pointInTimeRecoveryEnabled === true ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  }
  if (node instanceof CfnGlobalTable) {
    const replicas = (resolved(node, node.replicas) ?? []) as Array<{ pointInTimeRecoverySpecification?: Pitr }>;
    const all = replicas.length > 0 && replicas.every((r) => r.pointInTimeRecoverySpecification?.pointInTimeRecoveryEnabled === true);
    return all ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  }
  return NagRuleCompliance.NOT_APPLICABLE;
}
