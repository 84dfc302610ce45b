import * as athena from 'aws-cdk-lib/aws-athena';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { newStack, outcomesOf } from './support';

describe('WellArchitected-QueryScanLimited', () => {
  test('a workgroup with an enforced per-query scan cap is compliant; without a cap, or not enforced, it is not', () => {
    const stack = newStack();
    new athena.CfnWorkGroup(stack, 'Capped', { name: 'capped', workGroupConfiguration: { bytesScannedCutoffPerQuery: 10 * 1024 ** 3, enforceWorkGroupConfiguration: true } });
    new athena.CfnWorkGroup(stack, 'Uncapped', { name: 'uncapped', workGroupConfiguration: { enforceWorkGroupConfiguration: true } });
    new athena.CfnWorkGroup(stack, 'Unenforced', { name: 'unenforced', workGroupConfiguration: { bytesScannedCutoffPerQuery: 10 * 1024 ** 3, enforceWorkGroupConfiguration: false } });
    new s3.Bucket(stack, 'Data');
    expect(outcomesOf(stack, 'QueryScanLimited')).toEqual([
      { outcome: 'compliant', path: 'S/Capped' },
      { outcome: 'nonCompliant', path: 'S/Uncapped' },
      { outcome: 'nonCompliant', path: 'S/Unenforced' },
    ]);
  });
});
