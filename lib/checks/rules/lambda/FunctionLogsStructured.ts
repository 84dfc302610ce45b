import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { field, propertyOf } from '../properties';
import { isInvokedFunction } from './invoked-functions';

/**
 * A function that serves requests or events writes its logs as JSON (Lambda's JSON log format), so
 * CloudWatch Logs Insights can filter and aggregate them by field instead of by text search.
 */
export function FunctionLogsStructured(node: CfnResource): NagRuleResult {
  if (!isInvokedFunction(node)) return NagRuleCompliance.NOT_APPLICABLE;
  return field(propertyOf(node, 'loggingConfig'), 'logFormat') === 'JSON' ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
