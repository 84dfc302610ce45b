import { App } from 'aws-cdk-lib';
import { IotPlatformStack } from '../../stages/iot/iot-platform';
import { IOT_PLATFORM } from '../../stages/iot/registry';
import { VideoPlatformStack } from '../../stages/video/video-platform';
import { VIDEO_PLATFORM } from '../../stages/video/registry';
import { LiveEvent, validateLiveEvents } from '../constructs/live-event-prescaling';

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

/** Reads an optional positive whole-number context value, failing with a one-line message otherwise. */
function numberContext(app: App, key: string): number | undefined {
  const value = app.node.tryGetContext(key);
  if (value === undefined) {
    return undefined;
  }
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    throw new Error(`Context '${key}' must be a whole number, got: ${value}`);
  }
  return number;
}

/** The case-study stacks of an App. */
export interface Platforms {
  readonly video: VideoPlatformStack;
  readonly iot: IotPlatformStack;
}

/** Adds the case-study stacks to an App, each at the stage its context key names. */
export function addPlatforms(app: App): Platforms {
  const region = String(app.node.tryGetContext('region') ?? 'us-east-1');
  const liveEvents = jsonContext<LiveEvent[]>(app, 'liveEvents') ?? [];
  validateLiveEvents(liveEvents);
  const video = new VideoPlatformStack(app, VIDEO_PLATFORM.stackName, {
    env: { region },
    stage: app.node.tryGetContext(VIDEO_PLATFORM.contextKey),
    certificateArn: app.node.tryGetContext('certificateArn'),
    webAclArn: app.node.tryGetContext('webAclArn'),
    availabilityZones: jsonContext<string[]>(app, 'availabilityZones'),
    alertEmail: app.node.tryGetContext('alertEmail'),
    liveEvents,
  });
  const iot = new IotPlatformStack(app, IOT_PLATFORM.stackName, {
    env: { region },
    stage: app.node.tryGetContext(IOT_PLATFORM.contextKey),
    certificateArn: app.node.tryGetContext('certificateArn'),
    availabilityZones: jsonContext<string[]>(app, 'availabilityZones'),
    alertEmail: app.node.tryGetContext('alertEmail'),
    oracleStorageGiB: numberContext(app, 'oracleStorageGiB'),
    archiveAfterDays: numberContext(app, 'archiveAfterDays'),
  });
  return { video, iot };
}
