import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import { AppPool } from '../../lib/constructs/app-pool';
import { ChatDatabase } from '../../lib/constructs/chat-database';
import { preScaleForLiveEvents } from '../../lib/constructs/live-event-prescaling';
import { PublicEntrance } from '../../lib/constructs/public-entrance';
import { VideoAppBundle } from '../../lib/constructs/video-app-bundle';
import { videoFoundation } from './foundation';
import { VideoPlatformOptions } from './options';

/** Capacity of the pools outside live events. */
const VIDEO = { min: 2, max: 12 };
const CHAT = { min: 2, max: 6 };

/**
 * Stage 2, split pools: the ALB routes /video/* and /chat/* to two Auto Scaling groups, each with its
 * own target group and scaling policy, so chat stays up to tell viewers what is wrong when video
 * struggles. Known live events are pre-scaled.
 */
export function buildSplitPools(stack: Stack, options: VideoPlatformOptions): void {
  const { network, logs, media, alerts } = videoFoundation(stack, options, { egress: true });
  const database = new ChatDatabase(stack, 'ChatDatabase', { network });
  const entrance = new PublicEntrance(stack, 'Entrance', { network, accessLogs: logs.bucket, alerts, certificateArn: options.certificateArn });
  const bundle = new VideoAppBundle(stack, 'AppBundle');

  const video = new AppPool(stack, 'VideoPool', {
    role: 'video', network, bundle, media: media.bucket, database, alerts, minCapacity: VIDEO.min, maxCapacity: VIDEO.max,
  });
  entrance.routePaths(video, ['/video/*'], 10);
  video.asg.scaleOnRequestCount('RequestsPerTarget', { targetRequestsPerMinute: 3000 });

  const chat = new AppPool(stack, 'ChatPool', {
    role: 'chat', network, bundle, media: media.bucket, database, alerts, minCapacity: CHAT.min, maxCapacity: CHAT.max,
  });
  entrance.routePaths(chat, ['/chat/*'], 20);
  // Asymmetric steps: add fast, remove slowly, so a crowd's reconnect storm cannot start a scaling loop.
  chat.asg.scaleOnMetric('CpuSteps', {
    metric: chat.metricCpuUtilization(Duration.minutes(1)),
    adjustmentType: autoscaling.AdjustmentType.CHANGE_IN_CAPACITY,
    scalingSteps: [{ upper: 25, change: -1 }, { lower: 60, change: +1 }, { lower: 80, change: +3 }],
    evaluationPeriods: 3,
    datapointsToAlarm: 3,
  });

  const events = options.liveEvents ?? [];
  preScaleForLiveEvents(video, video.asg, events, { baseMin: VIDEO.min, max: VIDEO.max, during: (e) => e.videoInstances });
  preScaleForLiveEvents(chat, chat.asg, events, { baseMin: CHAT.min, max: CHAT.max, during: (e) => e.chatInstances });

  new CfnOutput(stack, 'Url', { value: entrance.url, description: 'The platform: /video/catalog, /chat/ws' });
}
