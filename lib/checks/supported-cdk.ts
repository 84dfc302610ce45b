import { Stage } from 'aws-cdk-lib';

/**
 * The oldest aws-cdk-lib the packs run on (`npm run test:package` installs it): cdk-nag 3 walks the
 * construct tree the validation context carries as `appConstruct` from 2.258.0 on (cdk-nag's own peer
 * range says ^2.257.0, but with 2.257.0 both packs fail on every stack). Before 2.262.0 the context has
 * no `stackTemplates`; the scorecards then find each stack's template from its `templatePaths`. Older
 * releases fail inside synth with errors that do not say why (2.250.0: `stage._addValidationPlugins is
 * not a function`; 2.257.0: no construct tree).
 */
export const OLDEST_SUPPORTED_CDK = '2.258.0';

function parts(version: string): number[] {
  return version.split('-')[0].split('.').map((n) => Number(n));
}

/** Whether `version` is at least {@link OLDEST_SUPPORTED_CDK}. */
export function isSupportedCdk(version: string): boolean {
  const [major, minor, patch] = parts(version);
  const [oMajor, oMinor, oPatch] = parts(OLDEST_SUPPORTED_CDK);
  if (major !== oMajor) return major > oMajor;
  if (minor !== oMinor) return minor > oMinor;
  return patch >= oPatch;
}

/** Stops with one line naming the versions when the app's aws-cdk-lib is older than the packs need. */
export function assertSupportedCdk(version: string): void {
  if (!isSupportedCdk(version)) {
    throw new Error(
      `The Well-Architected checks need aws-cdk-lib ${OLDEST_SUPPORTED_CDK} or newer (its validation context carries the construct tree the checks read); this app has ${version}: npm install aws-cdk-lib@^${OLDEST_SUPPORTED_CDK}`,
    );
  }
}

/**
 * Stops with one line when the App was built with another copy of aws-cdk-lib than the one this
 * package resolves (npm nests one with `--legacy-peer-deps`, a link, or a version outside the peer
 * range): the plugins would register on a copy that never runs them, or the rules see constructs of
 * another copy, and the scores would be wrong without a word.
 */
export function assertSameCdk(app: object): void {
  if (!(app instanceof Stage)) {
    throw new Error(
      `The Well-Architected checks got an App from another copy of aws-cdk-lib than ${require.resolve('aws-cdk-lib')}; install one aws-cdk-lib (npm ls aws-cdk-lib shows the copies).`,
    );
  }
}
