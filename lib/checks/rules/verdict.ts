import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';

/** Compliant when the practice's condition holds, non-compliant otherwise. */
export const verdict = (ok: boolean): NagRuleResult => (ok ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT);
