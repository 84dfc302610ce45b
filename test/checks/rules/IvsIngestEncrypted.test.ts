import * as ivs from 'aws-cdk-lib/aws-ivs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { newStack, outcomesOf } from './support';

describe('WellArchitected-IvsIngestEncrypted', () => {
  test('a channel that takes RTMPS only (the default) is compliant', () => {
    const stack = newStack();
    new ivs.CfnChannel(stack, 'Unset', {});
    new ivs.CfnChannel(stack, 'Explicit', { insecureIngest: false });
    expect(outcomesOf(stack, 'IvsIngestEncrypted')).toEqual([
      { outcome: 'compliant', path: 'S/Unset' },
      { outcome: 'compliant', path: 'S/Explicit' },
    ]);
  });

  test('a channel that accepts plain RTMP is not', () => {
    const stack = newStack();
    new ivs.CfnChannel(stack, 'Channel', { insecureIngest: true });
    expect(outcomesOf(stack, 'IvsIngestEncrypted')).toEqual([{ outcome: 'nonCompliant', path: 'S/Channel' }]);
  });

  test('resources that are not channels record nothing', () => {
    const stack = newStack();
    new s3.Bucket(stack, 'Recordings');
    expect(outcomesOf(stack, 'IvsIngestEncrypted')).toEqual([]);
  });
});
