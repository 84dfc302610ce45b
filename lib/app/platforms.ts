import { App } from 'aws-cdk-lib';
import { IotPlatformStack } from '../../stages/iot/iot-platform';
import { IOT_PLATFORM } from '../../stages/iot/registry';
import { VideoPlatformStack } from '../../stages/video/video-platform';
import { VIDEO_PLATFORM } from '../../stages/video/registry';
import { selectStage } from '../../stages/stage-info';
import { LiveEvent, validateLiveEvents } from '../constructs/live-event-prescaling';
import { ORACLE_MAX_STORAGE_GIB } from '../constructs/telemetry-oracle';

/** Reads an optional context value that may arrive as JSON text (`-c liveEvents='[...]'`) or as data (cdk.json). */
function jsonContext<T>(app: App, key: string): T | undefined {
  const value = app.node.tryGetContext(key);
  if (typeof value !== 'string') {
    return value as T | undefined;
  }
  try {
    return JSON.parse(value) as T;
  } catch {
    throw new Error(`Context '${key}' must be JSON, got: ${value}`);
  }
}

/** Reads an optional whole-number context value within bounds, failing with a one-line message otherwise. */
function numberContext(app: App, key: string, min: number, max: number): number | undefined {
  const value = app.node.tryGetContext(key);
  if (value === undefined) {
    return undefined;
  }
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new Error(`Context '${key}' must be a whole number from ${min} to ${max}, got: ${value}`);
  }
  return number;
}

/** The media distribution's custom domain: both keys or neither. */
function mediaDomainContext(app: App): { name: string; certificateArn: string } | undefined {
  const name = app.node.tryGetContext('mediaDomainName');
  const certificateArn = app.node.tryGetContext('mediaCertificateArn');
  if (name === undefined && certificateArn === undefined) return undefined;
  if (typeof name !== 'string' || typeof certificateArn !== 'string') {
    throw new Error("Context 'mediaDomainName' and 'mediaCertificateArn' go together: a domain and its us-east-1 ACM certificate");
  }
  return { name, certificateArn };
}

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
 * and checked before any stack is built, so a bad value fails at once, before any asset is bundled
 * into the output folder.
 */
export function addPlatforms(app: App): Platforms;
export function addPlatforms(app: App, options: AddPlatformsOptions): Partial<Platforms>;
export function addPlatforms(app: App, options: AddPlatformsOptions = {}): Partial<Platforms> {
  const region = String(app.node.tryGetContext('region') ?? 'us-east-1');
  const videoStage = selectStage(VIDEO_PLATFORM, app.node.tryGetContext(VIDEO_PLATFORM.contextKey));
  const iotStage = selectStage(IOT_PLATFORM, app.node.tryGetContext(IOT_PLATFORM.contextKey));
  const liveEvents = jsonContext<LiveEvent[]>(app, 'liveEvents') ?? [];
  validateLiveEvents(liveEvents);
  const shared = {
    env: { region },
    certificateArn: app.node.tryGetContext('certificateArn'),
    availabilityZones: jsonContext<string[]>(app, 'availabilityZones'),
    alertEmail: app.node.tryGetContext('alertEmail'),
  };
  const iotOptions = {
    // RDS for Oracle takes 20 GiB to 64 TiB on its primary volume.
    oracleStorageGiB: numberContext(app, 'oracleStorageGiB', 20, ORACLE_MAX_STORAGE_GIB),
    archiveAfterDays: numberContext(app, 'archiveAfterDays', 0, 36500),
  };
  const wanted = (study: keyof Platforms) => options.only === undefined || options.only === study;
  const video = !wanted('video') ? undefined : new VideoPlatformStack(app, VIDEO_PLATFORM.stackName, {
    ...shared,
    stage: videoStage.id,
    webAclArn: app.node.tryGetContext('webAclArn'),
    mediaDomain: mediaDomainContext(app),
    liveEvents,
  });
  const iot = !wanted('iot') ? undefined : new IotPlatformStack(app, IOT_PLATFORM.stackName, { ...shared, ...iotOptions, stage: iotStage.id });
  return { video, iot };
}
