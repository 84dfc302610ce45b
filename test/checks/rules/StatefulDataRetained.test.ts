import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { newStack, outcomesOf } from './support';

describe('WellArchitected-StatefulDataRetained', () => {
  test('data stores retained on replacement and removal are compliant, ones destroyed are not; queues are not judged', () => {
    const stack = newStack();
    new s3.Bucket(stack, 'Kept');
    new s3.Bucket(stack, 'Scratch', { removalPolicy: RemovalPolicy.DESTROY });
    new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING }, removalPolicy: RemovalPolicy.DESTROY });
    new sqs.Queue(stack, 'Queue');
    expect(outcomesOf(stack, 'StatefulDataRetained')).toEqual([
      { outcome: 'compliant', path: 'S/Kept/Resource' },
      { outcome: 'nonCompliant', path: 'S/Scratch/Resource' },
      { outcome: 'nonCompliant', path: 'S/Table/Resource' },
    ]);
  });
});
