import { App } from 'aws-cdk-lib';
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

/** Adds the case-study stacks to an App, each at the stage its context key names. */
export function addPlatforms(app: App): { video: VideoPlatformStack } {
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
  return { video };
}
