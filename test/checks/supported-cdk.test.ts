import { App } from 'aws-cdk-lib';
import { addWellArchitectedChecks } from '../../lib/checks/add-checks';
import { assertSupportedCdk, isSupportedCdk, OLDEST_SUPPORTED_CDK } from '../../lib/checks/supported-cdk';

describe('the oldest aws-cdk-lib the packs run on', () => {
  test('is the lower bound of the peer range in package.json', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require('../../package.json');
    expect(pkg.peerDependencies['aws-cdk-lib']).toBe(`^${OLDEST_SUPPORTED_CDK}`);
  });

  test('versions from it on are supported, older ones stop with one line naming both', () => {
    expect(['2.258.0', '2.261.0', '2.262.0', '2.276.0', '2.278.1', '3.0.0'].filter((v) => !isSupportedCdk(v))).toEqual([]);
    expect(['2.257.0', '2.250.0', '1.204.0'].filter((v) => isSupportedCdk(v))).toEqual([]);
    expect(() => assertSupportedCdk('2.250.0')).toThrow(/^The Well-Architected checks need aws-cdk-lib 2\.258\.0 or newer .*this app has 2\.250\.0/);
    expect(() => assertSupportedCdk('2.250.0')).not.toThrow(/\n/);
  });

  test('an App built with a second copy of aws-cdk-lib stops with one line, not with wrong scores', () => {
    let OtherApp!: typeof App;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      OtherApp = (require('aws-cdk-lib') as typeof import('aws-cdk-lib')).App;
    });
    expect(OtherApp).not.toBe(App);
    expect(() => addWellArchitectedChecks(new OtherApp())).toThrow(/^The Well-Architected checks got an App from another copy of aws-cdk-lib .*npm ls aws-cdk-lib/);
    expect(() => addWellArchitectedChecks(new App())).not.toThrow();
  });
});
