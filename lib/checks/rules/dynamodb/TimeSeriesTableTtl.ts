import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { cfnProperties, isType } from '../resources';

/**
 * A table of hot, time-ordered data (a numeric sort key: readings, events, sessions) expires items
 * with TTL once they leave the hot window, so it does not grow forever at hot-storage prices; TTL
 * deletes cost nothing. Any table with TTL on passes; tables without a time-ordered key are not judged.
 */
export function TimeSeriesTableTtl(node: CfnResource): NagRuleResult {
  if (!isType(node, 'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable')) return NagRuleCompliance.NOT_APPLICABLE;
  const properties = cfnProperties(node);
  const ttl = properties.TimeToLiveSpecification?.Enabled;
  if (ttl === true || ttl === 'true') return NagRuleCompliance.COMPLIANT;
  const keys = (properties.KeySchema ?? []) as Array<{ AttributeName: string; KeyType: string }>;
  const attributes = (properties.AttributeDefinitions ?? []) as Array<{ AttributeName: string; AttributeType: string }>;
  const sortKey = keys.find((k) => k.KeyType === 'RANGE')?.AttributeName;
  const sortType = attributes.find((a) => a.AttributeName === sortKey)?.AttributeType;
  return sortType === 'N' ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.NOT_APPLICABLE;
}
