import { CfnResource } from 'aws-cdk-lib';
import { CfnChannel } from 'aws-cdk-lib/aws-ivs';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { resolved } from '../resources';

/**
 * An IVS channel records its streams to S3: a live stream exists nowhere else, so without a recording
 * configuration nothing is left to replay, re-publish or investigate once it ends.
 */
export function IvsStreamsRecorded(node: CfnResource): NagRuleResult {
  if (!(node instanceof CfnChannel)) return NagRuleCompliance.NOT_APPLICABLE;
  const recording = resolved(node, node.recordingConfigurationArn);
  return recording === undefined || recording === '' ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}
