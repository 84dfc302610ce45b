import * as ivs from 'aws-cdk-lib/aws-ivs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { newStack, outcomesOf } from './support';

describe('WellArchitected-IvsPlaybackAuthorized', () => {
  test('a channel that requires signed playback tokens is compliant', () => {
    const stack = newStack();
    new ivs.CfnChannel(stack, 'Channel', { authorized: true });
    expect(outcomesOf(stack, 'IvsPlaybackAuthorized')).toEqual([{ outcome: 'compliant', path: 'S/Channel' }]);
  });

  test('a channel that plays to anyone with its URL (the default) is not', () => {
    const stack = newStack();
    new ivs.CfnChannel(stack, 'Unset', {});
    new ivs.CfnChannel(stack, 'Open', { authorized: false });
    expect(outcomesOf(stack, 'IvsPlaybackAuthorized')).toEqual([
      { outcome: 'nonCompliant', path: 'S/Unset' },
      { outcome: 'nonCompliant', path: 'S/Open' },
    ]);
  });

  test('resources that are not channels record nothing', () => {
    const stack = newStack();
    new s3.Bucket(stack, 'Recordings');
    expect(outcomesOf(stack, 'IvsPlaybackAuthorized')).toEqual([]);
  });
});
