import { CfnResource, Stack } from 'aws-cdk-lib';
import { CfnDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { refersTo, resolved, resourcesOfType } from '../resources';

/**
 * A bucket that browsers read directly (its CORS rules allow GET) is the origin of a CloudFront
 * distribution: content is served from edge locations close to viewers, most requests never reach
 * the origin, and data leaves AWS at CDN rather than S3 transfer prices. Buckets browsers do not read
 * are not judged.
 */
export function BrowserContentThroughCdn(node: CfnResource): NagRuleResult {
  if (!(node instanceof CfnBucket)) return NagRuleCompliance.NOT_APPLICABLE;
  const cors = resolved(node, node.corsConfiguration) as { corsRules?: Array<{ allowedMethods?: string[] }> } | undefined;
  const browsersRead = (cors?.corsRules ?? []).some((rule) => rule.allowedMethods?.includes('GET'));
  if (!browsersRead) return NagRuleCompliance.NOT_APPLICABLE;
  const distributions = resourcesOfType(Stack.of(node), CfnDistribution.CFN_RESOURCE_TYPE_NAME) as CfnDistribution[];
  const fronted = distributions.some((d) => {
    const config = resolved(d, d.distributionConfig) as { origins?: Array<{ domainName?: unknown }> } | undefined;
    return (config?.origins ?? []).some((origin) => refersTo(d, origin.domainName, node));
  });
  return fronted ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
