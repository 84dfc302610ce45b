import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { newStack, outcomesOf, vpcOf } from './support';

const notFound = elbv2.ListenerAction.fixedResponse(404);

describe('WellArchitected-TlsCertificateManaged', () => {
  test('an HTTPS listener with an ACM certificate is compliant', () => {
    const stack = newStack();
    const certificate = new acm.Certificate(stack, 'Certificate', { domainName: 'video.example.com' });
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: vpcOf(stack), internetFacing: true });
    alb.addListener('Https', { port: 443, certificates: [certificate], defaultAction: notFound });
    expect(outcomesOf(stack, 'TlsCertificateManaged')).toEqual([{ outcome: 'compliant', path: 'S/Alb/Https/Resource' }]);
  });

  test('a listener with an IAM server certificate (not managed by ACM) is not', () => {
    const stack = newStack();
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: vpcOf(stack), internetFacing: true });
    alb.addListener('Https', { port: 443, certificates: [elbv2.ListenerCertificate.fromArn('arn:aws:iam::111111111111:server-certificate/video')], defaultAction: notFound });
    expect(outcomesOf(stack, 'TlsCertificateManaged')).toEqual([{ outcome: 'nonCompliant', path: 'S/Alb/Https/Resource' }]);
  });

  test('a listener that serves plain HTTP is not', () => {
    const stack = newStack();
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: vpcOf(stack), internetFacing: true });
    alb.addListener('Http', { port: 80, defaultAction: notFound });
    expect(outcomesOf(stack, 'TlsCertificateManaged')).toEqual([{ outcome: 'nonCompliant', path: 'S/Alb/Http/Resource' }]);
  });

  test('an ACM certificate given by ARN is compliant too', () => {
    const stack = newStack();
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: vpcOf(stack), internetFacing: true });
    alb.addListener('Https', { port: 443, certificates: [elbv2.ListenerCertificate.fromArn('arn:aws:acm:us-east-1:111111111111:certificate/video')], defaultAction: notFound });
    expect(outcomesOf(stack, 'TlsCertificateManaged')).toEqual([{ outcome: 'compliant', path: 'S/Alb/Https/Resource' }]);
  });

  test('a listener that only redirects to HTTPS is not judged', () => {
    const stack = newStack();
    new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: vpcOf(stack), internetFacing: true }).addRedirect();
    expect(outcomesOf(stack, 'TlsCertificateManaged')).toEqual([]);
  });

  test("a distribution with its own domain's ACM certificate, or CloudFront's default certificate (AWS manages both), is compliant", () => {
    const stack = newStack();
    const origin = origins.S3BucketOrigin.withOriginAccessControl(new s3.Bucket(stack, 'Site'));
    new cloudfront.Distribution(stack, 'Own', {
      defaultBehavior: { origin },
      domainNames: ['video.example.com'],
      certificate: new acm.Certificate(stack, 'Certificate', { domainName: 'video.example.com' }),
    });
    new cloudfront.Distribution(stack, 'Shared', { defaultBehavior: { origin } });
    expect(outcomesOf(stack, 'TlsCertificateManaged')).toEqual([
      { outcome: 'compliant', path: 'S/Own/Resource' },
      { outcome: 'compliant', path: 'S/Shared/Resource' },
    ]);
  });

  test('a distribution with an IAM server certificate (uploaded and renewed by hand) is not', () => {
    const stack = newStack();
    const origin = origins.S3BucketOrigin.withOriginAccessControl(new s3.Bucket(stack, 'Site'));
    const distribution = new cloudfront.Distribution(stack, 'Uploaded', { defaultBehavior: { origin }, domainNames: ['video.example.com'] });
    (distribution.node.defaultChild as cloudfront.CfnDistribution).addPropertyOverride('DistributionConfig.ViewerCertificate', {
      IamCertificateId: 'ASCAEXAMPLE123', SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021',
    });
    expect(outcomesOf(stack, 'TlsCertificateManaged')).toEqual([{ outcome: 'nonCompliant', path: 'S/Uploaded/Resource' }]);
  });
});
