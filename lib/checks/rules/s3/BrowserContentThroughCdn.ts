import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { cfnProperties, isType, logicalIdOf, referencedIds, resourcesOfType } from '../resources';

/**
 * A bucket that browsers read directly (its CORS rules allow GET) is the origin of a CloudFront
 * distribution: content is served from edge locations close to viewers, most requests never reach
 * the origin, and data leaves AWS at CDN rather than S3 transfer prices. Buckets browsers do not read
 * are not judged.
 */
export function BrowserContentThroughCdn(node: CfnResource): NagRuleResult {
  if (!isType(node, 'AWS::S3::Bucket')) return NagRuleCompliance.NOT_APPLICABLE;
  const rules = (cfnProperties(node).CorsConfiguration?.CorsRules ?? []) as Array<{ AllowedMethods?: string[] }>;
  if (!rules.some((rule) => rule.AllowedMethods?.includes('GET'))) return NagRuleCompliance.NOT_APPLICABLE;
  const bucket = logicalIdOf(node);
  const fronted = resourcesOfType(Stack.of(node), 'AWS::CloudFront::Distribution').some((d) =>
    ((cfnProperties(d).DistributionConfig?.Origins ?? []) as Array<{ DomainName?: unknown }>).some((origin) => referencedIds(origin.DomainName).has(bucket)),
  );
  return fronted ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
