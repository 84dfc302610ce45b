import { CfnResource } from 'aws-cdk-lib';
import { CfnChannel } from 'aws-cdk-lib/aws-ivs';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { resolved } from '../resources';

/**
 * An IVS channel requires signed playback tokens, so only viewers the platform let in (ticket holders)
 * can watch, and a leaked playback URL is worthless once its token expires.
 */
export function IvsPlaybackAuthorized(node: CfnResource): NagRuleResult {
  if (!(node instanceof CfnChannel)) return NagRuleCompliance.NOT_APPLICABLE;
  return resolved(node, node.authorized) === true ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
