import * as ivs from 'aws-cdk-lib/aws-ivs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { newStack, outcomesOf } from './support';

describe('WellArchitected-IvsStreamsRecorded', () => {
  test('a channel with a recording configuration is compliant', () => {
    const stack = newStack();
    const recordings = new s3.Bucket(stack, 'Recordings');
    const recording = new ivs.CfnRecordingConfiguration(stack, 'Recording', {
      destinationConfiguration: { s3: { bucketName: recordings.bucketName } },
    });
    new ivs.CfnChannel(stack, 'Channel', { recordingConfigurationArn: recording.attrArn });
    expect(outcomesOf(stack, 'IvsStreamsRecorded')).toEqual([{ outcome: 'compliant', path: 'S/Channel' }]);
  });

  test('a channel that records nothing is not, including an empty ARN', () => {
    const stack = newStack();
    new ivs.CfnChannel(stack, 'Unset', {});
    new ivs.CfnChannel(stack, 'Empty', { recordingConfigurationArn: '' });
    expect(outcomesOf(stack, 'IvsStreamsRecorded')).toEqual([
      { outcome: 'nonCompliant', path: 'S/Unset' },
      { outcome: 'nonCompliant', path: 'S/Empty' },
    ]);
  });

  test('resources that are not channels record nothing', () => {
    const stack = newStack();
    new s3.Bucket(stack, 'Recordings');
    expect(outcomesOf(stack, 'IvsStreamsRecorded')).toEqual([]);
  });
});
