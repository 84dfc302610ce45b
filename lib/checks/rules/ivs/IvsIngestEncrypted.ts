import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { cfnProperties, isType } from '../resources';

/** An IVS channel accepts RTMPS ingest only: plain RTMP would send the stream and its key in the clear. */
export function IvsIngestEncrypted(node: CfnResource): NagRuleResult {
  if (!isType(node, 'AWS::IVS::Channel')) return NagRuleCompliance.NOT_APPLICABLE;
  return cfnProperties(node).InsecureIngest === true ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}
