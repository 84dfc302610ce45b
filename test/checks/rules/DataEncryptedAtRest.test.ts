import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { newStack, outcomesOf } from './support';

const partitionKey = { name: 'id', type: dynamodb.AttributeType.STRING };

describe('WellArchitected-DataEncryptedAtRest', () => {
  // One principle for every store: any key AWS encrypts with counts (AWS owned, AWS managed, customer managed).
  test('every bucket is encrypted at rest: S3 applies SSE-S3 when the template sets nothing', () => {
    const stack = newStack();
    new s3.Bucket(stack, 'S3Managed', { encryption: s3.BucketEncryption.S3_MANAGED });
    new s3.Bucket(stack, 'Kms', { encryption: s3.BucketEncryption.KMS_MANAGED });
    new s3.Bucket(stack, 'Unset');
    expect(outcomesOf(stack, 'DataEncryptedAtRest')).toEqual([
      { outcome: 'compliant', path: 'S/S3Managed/Resource' },
      { outcome: 'compliant', path: 'S/Kms/Resource' },
      { outcome: 'compliant', path: 'S/Unset/Resource' },
    ]);
  });

  test('every table is encrypted at rest, the AWS owned default key as much as a KMS key', () => {
    const stack = newStack();
    const key = new kms.Key(stack, 'Key');
    new dynamodb.Table(stack, 'AwsManaged', { partitionKey, encryption: dynamodb.TableEncryption.AWS_MANAGED });
    new dynamodb.Table(stack, 'CustomerManaged', { partitionKey, encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED, encryptionKey: key });
    new dynamodb.Table(stack, 'Owned', { partitionKey });
    new dynamodb.TableV2(stack, 'GlobalAwsManaged', { partitionKey, encryption: dynamodb.TableEncryptionV2.awsManagedKey() });
    new dynamodb.TableV2(stack, 'GlobalOwned', { partitionKey });
    expect(outcomesOf(stack, 'DataEncryptedAtRest')).toEqual([
      { outcome: 'compliant', path: 'S/AwsManaged/Resource' },
      { outcome: 'compliant', path: 'S/CustomerManaged/Resource' },
      { outcome: 'compliant', path: 'S/Owned/Resource' },
      { outcome: 'compliant', path: 'S/GlobalAwsManaged/Resource' },
      { outcome: 'compliant', path: 'S/GlobalOwned/Resource' },
    ]);
  });

  test('topics with a KMS key are compliant; SNS stores messages unencrypted without one, so those are not', () => {
    const stack = newStack();
    new sns.Topic(stack, 'Encrypted', { masterKey: new kms.Key(stack, 'Key') });
    new sns.Topic(stack, 'Plain');
    expect(outcomesOf(stack, 'DataEncryptedAtRest')).toEqual([
      { outcome: 'compliant', path: 'S/Encrypted/Resource' },
      { outcome: 'nonCompliant', path: 'S/Plain/Resource' },
    ]);
  });

  test('stores judged by cdk-nag rules (queues) and keys record nothing', () => {
    const stack = newStack();
    new sqs.Queue(stack, 'Queue');
    new kms.Key(stack, 'Key');
    expect(outcomesOf(stack, 'DataEncryptedAtRest')).toEqual([]);
  });
});
