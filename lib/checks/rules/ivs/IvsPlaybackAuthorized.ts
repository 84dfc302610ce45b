import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { cfnProperties, isType } from '../resources';

/**
 * An IVS channel requires signed playback tokens, so only viewers the platform let in (ticket holders)
 * can watch, and a leaked playback URL is worthless once its token expires.
 */
export function IvsPlaybackAuthorized(node: CfnResource): NagRuleResult {
  if (!isType(node, 'AWS::IVS::Channel')) return NagRuleCompliance.NOT_APPLICABLE;
  return cfnProperties(node).Authorized === true ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
