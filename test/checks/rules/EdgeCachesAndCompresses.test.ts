import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { newStack, outcomesOf } from './support';

describe('WellArchitected-EdgeCachesAndCompresses', () => {
  test('a default behavior that caches and compresses is compliant; one that disables caching, or compression, is not', () => {
    const stack = newStack();
    const origin = origins.S3BucketOrigin.withOriginAccessControl(new s3.Bucket(stack, 'Media'));
    new cloudfront.Distribution(stack, 'Cached', { defaultBehavior: { origin, cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED } });
    new cloudfront.Distribution(stack, 'Uncached', { defaultBehavior: { origin, cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED } });
    new cloudfront.Distribution(stack, 'Uncompressed', { defaultBehavior: { origin, compress: false } });
    expect(outcomesOf(stack, 'EdgeCachesAndCompresses')).toEqual([
      { outcome: 'compliant', path: 'S/Cached/Resource' },
      { outcome: 'nonCompliant', path: 'S/Uncached/Resource' },
      { outcome: 'nonCompliant', path: 'S/Uncompressed/Resource' },
    ]);
  });
});
