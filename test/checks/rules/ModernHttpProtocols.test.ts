import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { newStack, outcomesOf } from './support';

describe('WellArchitected-ModernHttpProtocols', () => {
  test('HTTP/2 and HTTP/3 distributions and load balancers are compliant; HTTP/1.1 only is not', () => {
    const stack = newStack();
    const origin = origins.S3BucketOrigin.withOriginAccessControl(new s3.Bucket(stack, 'Media'));
    new cloudfront.Distribution(stack, 'Modern', { defaultBehavior: { origin }, httpVersion: cloudfront.HttpVersion.HTTP2_AND_3 });
    new cloudfront.Distribution(stack, 'Legacy', { defaultBehavior: { origin }, httpVersion: cloudfront.HttpVersion.HTTP1_1 });
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0 });
    new elbv2.ApplicationLoadBalancer(stack, 'Http2', { vpc });
    new elbv2.ApplicationLoadBalancer(stack, 'Http1', { vpc, http2Enabled: false });
    expect(outcomesOf(stack, 'ModernHttpProtocols')).toEqual([
      { outcome: 'compliant', path: 'S/Modern/Resource' },
      { outcome: 'nonCompliant', path: 'S/Legacy/Resource' },
      { outcome: 'compliant', path: 'S/Http2/Resource' },
      { outcome: 'nonCompliant', path: 'S/Http1/Resource' },
    ]);
  });
});
