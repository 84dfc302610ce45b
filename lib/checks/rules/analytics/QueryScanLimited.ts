import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { field, propertyOf } from '../properties';

/**
 * An Athena workgroup caps the data one query may scan, and enforces its settings on every query
 * run in it: Athena bills per byte scanned, so one unfiltered query over the whole archive is a
 * cost event. The cap is a cost control the template itself carries.
 */
export function QueryScanLimited(node: CfnResource): NagRuleResult {
  if (node.cfnResourceType !== 'AWS::Athena::WorkGroup') return NagRuleCompliance.NOT_APPLICABLE;
  const config = propertyOf(node, 'workGroupConfiguration');
  const cutoff = field(config, 'bytesScannedCutoffPerQuery');
  // Athena enforces workgroup settings unless told not to.
  const enforced = field(config, 'enforceWorkGroupConfiguration') !== false;
  return typeof cutoff === 'number' && cutoff > 0 && enforced ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
