import { CfnResource } from 'aws-cdk-lib';
import { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { resolved } from '../resources';

/** A lifecycle rule as the L1 property holds it (camelCase until the template is rendered). */
interface LifecycleRule {
  status?: string;
  transitions?: unknown[];
  transition?: unknown;
  expirationInDays?: number;
  expirationDate?: unknown;
}

/**
 * A bucket's current objects have a lifecycle: they move to cheaper storage classes as they age or
 * expire when no longer needed. Rules that only tidy old versions or failed uploads leave every
 * object in S3 Standard forever, which is the most expensive way to keep data nobody reads.
 */
export function BucketLifecycle(node: CfnResource): NagRuleResult {
  if (!(node instanceof CfnBucket)) return NagRuleCompliance.NOT_APPLICABLE;
  const config = resolved(node, node.lifecycleConfiguration) as { rules?: LifecycleRule[] } | undefined;
  const ages = (config?.rules ?? []).some(
    (rule) =>
      rule.status !== 'Disabled' &&
      ((rule.transitions?.length ?? 0) > 0 || rule.transition !== undefined || rule.expirationInDays !== undefined || rule.expirationDate !== undefined),
  );
  return ages ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
