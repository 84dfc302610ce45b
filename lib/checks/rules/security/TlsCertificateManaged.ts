import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { cfnProperties, isType } from '../resources';

/** Whether a certificate ARN is an ACM certificate: a literal ARN must say `:acm:`; a reference (a certificate resource, a parameter) is trusted. */
function isAcm(arn: unknown): boolean {
  return arn !== undefined && (typeof arn !== 'string' || arn.includes(':acm:'));
}

/**
 * TLS is terminated with a certificate AWS issues, renews and rotates: HTTPS and TLS load balancer
 * listeners carry an ACM certificate, and a CloudFront distribution uses either an ACM certificate
 * for its own domain or CloudFront's default `*.cloudfront.net` certificate, which AWS manages and
 * renews too. IAM server certificates (uploaded and renewed by hand) and listeners without a
 * certificate fail. A listener that only redirects to HTTPS serves nothing and is not judged.
 */
export function TlsCertificateManaged(node: CfnResource): NagRuleResult {
  if (isType(node, 'AWS::ElasticLoadBalancingV2::Listener')) {
    const properties = cfnProperties(node);
    const actions = (properties.DefaultActions ?? []) as Array<{ Type?: string }>;
    if (actions.length > 0 && actions.every((a) => a.Type === 'redirect')) return NagRuleCompliance.NOT_APPLICABLE;
    const certificates = (properties.Certificates ?? []) as Array<{ CertificateArn?: unknown }>;
    return certificates.some((c) => isAcm(c.CertificateArn)) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  }
  if (isType(node, 'AWS::CloudFront::Distribution')) {
    const viewer = cfnProperties(node).DistributionConfig?.ViewerCertificate as Record<string, unknown> | undefined;
    if (viewer?.IamCertificateId !== undefined) return NagRuleCompliance.NON_COMPLIANT;
    // No viewer certificate, or CloudFrontDefaultCertificate: true, is the default certificate AWS manages.
    if (viewer?.AcmCertificateArn !== undefined) return isAcm(viewer.AcmCertificateArn) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
    return NagRuleCompliance.COMPLIANT;
  }
  return NagRuleCompliance.NOT_APPLICABLE;
}
