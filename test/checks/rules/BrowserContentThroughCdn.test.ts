import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { newStack, outcomesOf } from './support';

const browserReads: s3.CorsRule[] = [{ allowedMethods: [s3.HttpMethods.GET, s3.HttpMethods.HEAD], allowedOrigins: ['https://example.com'] }];

describe('WellArchitected-BrowserContentThroughCdn', () => {
  test('a bucket browsers read that a distribution fronts is compliant', () => {
    const stack = newStack();
    const media = new s3.Bucket(stack, 'Media', { cors: browserReads });
    new cloudfront.Distribution(stack, 'Cdn', { defaultBehavior: { origin: origins.S3BucketOrigin.withOriginAccessControl(media) } });
    expect(outcomesOf(stack, 'BrowserContentThroughCdn')).toEqual([{ outcome: 'compliant', path: 'S/Media/Resource' }]);
  });

  test('a bucket that is one of several origins, behind a path, is compliant', () => {
    const stack = newStack();
    const media = new s3.Bucket(stack, 'Media', { cors: browserReads });
    const site = new s3.Bucket(stack, 'Site');
    new cloudfront.Distribution(stack, 'Cdn', {
      defaultBehavior: { origin: origins.S3BucketOrigin.withOriginAccessControl(site) },
      additionalBehaviors: { '/media/*': { origin: origins.S3BucketOrigin.withOriginAccessControl(media) } },
    });
    expect(outcomesOf(stack, 'BrowserContentThroughCdn')).toEqual([{ outcome: 'compliant', path: 'S/Media/Resource' }]);
  });

  test('a bucket browsers read directly is not, even when a distribution fronts another bucket', () => {
    const stack = newStack();
    new s3.Bucket(stack, 'Media', { cors: browserReads });
    new cloudfront.Distribution(stack, 'Cdn', { defaultBehavior: { origin: origins.S3BucketOrigin.withOriginAccessControl(new s3.Bucket(stack, 'Site')) } });
    expect(outcomesOf(stack, 'BrowserContentThroughCdn')).toEqual([{ outcome: 'nonCompliant', path: 'S/Media/Resource' }]);
  });

  test('buckets browsers do not read (no CORS, or uploads only) are not judged', () => {
    const stack = newStack();
    new s3.Bucket(stack, 'Private');
    new s3.Bucket(stack, 'Uploads', { cors: [{ allowedMethods: [s3.HttpMethods.PUT], allowedOrigins: ['https://example.com'] }] });
    expect(outcomesOf(stack, 'BrowserContentThroughCdn')).toEqual([]);
  });
});
