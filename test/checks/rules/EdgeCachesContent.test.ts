import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { newStack, outcomesOf } from './support';

describe('WellArchitected-EdgeCachesContent', () => {
  test('a default behavior that caches is compliant, whether or not it compresses; one with caching disabled is not', () => {
    const stack = newStack();
    const origin = origins.S3BucketOrigin.withOriginAccessControl(new s3.Bucket(stack, 'Media'));
    new cloudfront.Distribution(stack, 'Cached', { defaultBehavior: { origin, cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED } });
    new cloudfront.Distribution(stack, 'Segments', { defaultBehavior: { origin, compress: false } });
    new cloudfront.Distribution(stack, 'Uncached', { defaultBehavior: { origin, cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED } });
    expect(outcomesOf(stack, 'EdgeCachesContent')).toEqual([
      { outcome: 'compliant', path: 'S/Cached/Resource' },
      { outcome: 'compliant', path: 'S/Segments/Resource' },
      { outcome: 'nonCompliant', path: 'S/Uncached/Resource' },
    ]);
  });
});
