import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { field, propertyOf } from '../properties';

/** The id of CloudFront's managed cache policy "CachingDisabled". */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';

/**
 * A distribution's default behavior caches at the edge: repeated reads are answered close to the
 * viewer instead of crossing the network to the origin. Judged on the default behavior, the one most
 * requests take; a behavior for dynamic paths may rightly not cache. Compression is not judged: the
 * template does not say whether the content is compressible (video segments are not).
 */
export function EdgeCachesContent(node: CfnResource): NagRuleResult {
  if (node.cfnResourceType !== 'AWS::CloudFront::Distribution') return NagRuleCompliance.NOT_APPLICABLE;
  const behavior = field(propertyOf(node, 'distributionConfig'), 'defaultCacheBehavior');
  const policy = field(behavior, 'cachePolicyId');
  // Legacy forwarded-values behaviors cache unless every TTL is zero.
  const caches = policy !== undefined
    ? policy !== CACHING_DISABLED
    : !(Number(field(behavior, 'maxTtl') ?? 1) === 0 && Number(field(behavior, 'defaultTtl') ?? 1) === 0);
  return caches ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
