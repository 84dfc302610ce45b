import { App } from 'aws-cdk-lib';
import { IotPlatformStack } from '../../stages/iot/iot-platform';
import { IOT_PLATFORM } from '../../stages/iot/registry';
import { VideoPlatformStack } from '../../stages/video/video-platform';
import { VIDEO_PLATFORM } from '../../stages/video/registry';
import { readDeployContext } from './context-table';

/** The case-study stacks of an App. */
export interface Platforms {
  readonly video: VideoPlatformStack;
  readonly iot: IotPlatformStack;
}

/** Options of {@link addPlatforms}. */
export interface AddPlatformsOptions {
  /**
   * Build only this case study's stack (the workshop tools synthesize one study at a time). All
   * context is still read and checked.
   * @default - both
   */
  readonly only?: keyof Platforms;
}

/**
 * Adds the case-study stacks to an App, each at the stage its context key names. All context is read
 * and checked first (see CONTEXT_TABLE), so a bad value fails at once, before any asset is bundled into
 * the output folder.
 */
export function addPlatforms(app: App): Platforms;
export function addPlatforms(app: App, options: AddPlatformsOptions): Partial<Platforms>;
export function addPlatforms(app: App, options: AddPlatformsOptions = {}): Partial<Platforms> {
  const context = readDeployContext(app);
  const shared = {
    env: { region: context.region },
    availabilityZones: context.availabilityZones,
    alertEmail: context.alertEmail,
  };
  const wanted = (study: keyof Platforms) => options.only === undefined || options.only === study;
  const video = !wanted('video')
    ? undefined
    : new VideoPlatformStack(app, VIDEO_PLATFORM.stackName, {
        ...shared,
        stage: context.video.id,
        certificateArn: context.certificateArn,
        webAclArn: context.webAclArn,
        mediaDomain: context.mediaDomainName ? { name: context.mediaDomainName, certificateArn: context.mediaCertificateArn! } : undefined,
        liveEvents: context.liveEvents,
      });
  const iot = !wanted('iot')
    ? undefined
    : new IotPlatformStack(app, IOT_PLATFORM.stackName, {
        ...shared,
        stage: context.iot.id,
        certificateArn: context.ingestCertificateArn,
        oracleStorageGiB: context.oracleStorageGiB,
        archiveAfterDays: context.archiveAfterDays,
      });
  return { video, iot };
}

/**
 * The one study whose stage the context names, when it names exactly one; otherwise undefined (both).
 * The cdk CLI synthesizes the whole App even when one stack is named, so `cdk deploy VideoPlatform
 * -c video=5 -c strict=true` would otherwise also build IotPlatform at its default stage, and its
 * findings would fail strict mode for a stack nobody deploys.
 */
export function studyNamedAlone(app: App): keyof Platforms | undefined {
  const named = (['video', 'iot'] as const).filter((study) => app.node.tryGetContext(study) !== undefined);
  return named.length === 1 ? named[0] : undefined;
}
