import { CfnResource } from 'aws-cdk-lib';
import { NagMessageLevel, NagRuleResult } from 'cdk-nag';

/** One rule of the Well-Architected pack: the check, and the words a finding prints. */
export interface WellArchitectedRule {
  readonly rule: (node: CfnResource) => NagRuleResult;
  readonly level: NagMessageLevel;
  /** What is wrong, as the finding says it. */
  readonly info: string;
  /** Why it matters, in the framework's terms. */
  readonly explanation: string;
}
