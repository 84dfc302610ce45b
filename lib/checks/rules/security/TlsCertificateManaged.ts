import { CfnResource } from 'aws-cdk-lib';
import { CfnDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { CfnListener } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { resolved } from '../resources';

/**
 * TLS is terminated with a certificate the account manages in ACM (issued, renewed and rotated by AWS
 * for the workload's own domain): HTTPS and TLS load balancer listeners carry one, and a CloudFront
 * distribution uses one instead of the shared *.cloudfront.net certificate. A listener that only
 * redirects to HTTPS serves nothing and is not judged (cdk-nag's ELBv2ACMCertificateRequired flags it).
 */
export function TlsCertificateManaged(node: CfnResource): NagRuleResult {
  if (node instanceof CfnListener) {
    const actions = (resolved(node, node.defaultActions) ?? []) as Array<{ type?: string }>;
    if (actions.length > 0 && actions.every((a) => a.type === 'redirect')) return NagRuleCompliance.NOT_APPLICABLE;
    const certificates = (resolved(node, node.certificates) ?? []) as Array<{ certificateArn?: unknown }>;
    // A literal ARN must name an ACM certificate (IAM server certificates are uploaded and renewed by hand); a reference is trusted.
    const managed = (arn: unknown) => arn !== undefined && (typeof arn !== 'string' || arn.includes(':acm:'));
    return certificates.some((c) => managed(c.certificateArn)) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  }
  if (node instanceof CfnDistribution) {
    const config = resolved(node, node.distributionConfig) as { viewerCertificate?: { acmCertificateArn?: unknown } } | undefined;
    return config?.viewerCertificate?.acmCertificateArn !== undefined ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  }
  return NagRuleCompliance.NOT_APPLICABLE;
}
