import { CfnResource } from 'aws-cdk-lib';
import { CfnGlobalTable, CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { resolved } from '../resources';

/** The table properties this rule reads, as the L1 holds them (camelCase until the template is rendered). */
interface KeyedTable {
  keySchema?: Array<{ attributeName: string; keyType: string }>;
  attributeDefinitions?: Array<{ attributeName: string; attributeType: string }>;
  timeToLiveSpecification?: { enabled?: boolean };
}

/**
 * A table of hot, time-ordered data (a numeric sort key: readings, events, sessions) expires items
 * with TTL once they leave the hot window, so it does not grow forever at hot-storage prices; TTL
 * deletes cost nothing. Any table with TTL on passes; tables without a time-ordered key are not judged.
 */
export function TimeSeriesTableTtl(node: CfnResource): NagRuleResult {
  if (!(node instanceof CfnTable) && !(node instanceof CfnGlobalTable)) return NagRuleCompliance.NOT_APPLICABLE;
  const table: KeyedTable = {
    keySchema: resolved(node, node.keySchema) as KeyedTable['keySchema'],
    attributeDefinitions: resolved(node, node.attributeDefinitions) as KeyedTable['attributeDefinitions'],
    timeToLiveSpecification: resolved(node, node.timeToLiveSpecification) as KeyedTable['timeToLiveSpecification'],
  };
  if (table.timeToLiveSpecification?.enabled === true) return NagRuleCompliance.COMPLIANT;
  const sortKey = table.keySchema?.find((k) => k.keyType === 'RANGE')?.attributeName;
  const sortType = table.attributeDefinitions?.find((a) => a.attributeName === sortKey)?.attributeType;
  return sortType === 'N' ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.NOT_APPLICABLE;
}
