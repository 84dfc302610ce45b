import { Duration } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { newStack, outcomesOf } from './support';

describe('WellArchitected-BucketLifecycle', () => {
  test('a bucket whose objects move to cheaper storage, or expire, is compliant', () => {
    const stack = newStack();
    new s3.Bucket(stack, 'Archive', { lifecycleRules: [{ transitions: [{ storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(30) }] }] });
    new s3.Bucket(stack, 'Scratch', { lifecycleRules: [{ expiration: Duration.days(7) }] });
    expect(outcomesOf(stack, 'BucketLifecycle')).toEqual([
      { outcome: 'compliant', path: 'S/Archive/Resource' },
      { outcome: 'compliant', path: 'S/Scratch/Resource' },
    ]);
  });

  test('a bucket without lifecycle rules is not', () => {
    const stack = newStack();
    new s3.Bucket(stack, 'Media');
    expect(outcomesOf(stack, 'BucketLifecycle')).toEqual([{ outcome: 'nonCompliant', path: 'S/Media/Resource' }]);
  });

  test('rules that only tidy old versions or failed uploads, or are disabled, do not age current objects', () => {
    const stack = newStack();
    new s3.Bucket(stack, 'Versions', { versioned: true, lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }] });
    new s3.Bucket(stack, 'Uploads', { lifecycleRules: [{ abortIncompleteMultipartUploadAfter: Duration.days(1) }] });
    new s3.Bucket(stack, 'Disabled', { lifecycleRules: [{ enabled: false, expiration: Duration.days(7) }] });
    expect(outcomesOf(stack, 'BucketLifecycle')).toEqual([
      { outcome: 'nonCompliant', path: 'S/Versions/Resource' },
      { outcome: 'nonCompliant', path: 'S/Uploads/Resource' },
      { outcome: 'nonCompliant', path: 'S/Disabled/Resource' },
    ]);
  });

  test('resources that are not buckets record nothing', () => {
    const stack = newStack();
    new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });
    expect(outcomesOf(stack, 'BucketLifecycle')).toEqual([]);
  });
});
