import { CfnResource } from 'aws-cdk-lib';
import { CfnChannel } from 'aws-cdk-lib/aws-ivs';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { resolved } from '../resources';

/** An IVS channel accepts RTMPS ingest only: plain RTMP would send the stream and its key in the clear. */
export function IvsIngestEncrypted(node: CfnResource): NagRuleResult {
  if (!(node instanceof CfnChannel)) return NagRuleCompliance.NOT_APPLICABLE;
  return resolved(node, node.insecureIngest) === true ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}
