import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { cfnProperties, isType } from '../resources';

/** A lifecycle rule as the template holds it. */
interface LifecycleRule {
  Status?: string;
  Transitions?: unknown[];
  Transition?: unknown;
  ExpirationInDays?: number;
  ExpirationDate?: unknown;
}

/**
 * A bucket's current objects have a lifecycle: they move to cheaper storage classes as they age or
 * expire when no longer needed. Rules that only tidy old versions or failed uploads leave every
 * object in S3 Standard forever, which is the most expensive way to keep data nobody reads.
 */
export function BucketLifecycle(node: CfnResource): NagRuleResult {
  if (!isType(node, 'AWS::S3::Bucket')) return NagRuleCompliance.NOT_APPLICABLE;
  const rules = (cfnProperties(node).LifecycleConfiguration?.Rules ?? []) as LifecycleRule[];
  const ages = rules.some(
    (rule) =>
      rule.Status !== 'Disabled' &&
      ((rule.Transitions?.length ?? 0) > 0 || rule.Transition !== undefined || rule.ExpirationInDays !== undefined || rule.ExpirationDate !== undefined),
  );
  return ages ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
