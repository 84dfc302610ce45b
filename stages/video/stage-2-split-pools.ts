import { CfnOutput, Stack } from 'aws-cdk-lib';
import { ChatDatabase } from '../../lib/constructs/chat-database';
import { preScaleForLiveEvents } from '../../lib/constructs/live-event-prescaling';
import { PublicEntrance } from '../../lib/constructs/public-entrance';
import { CHAT, VIDEO } from './capacity';
import { videoFoundation } from './foundation';
import { acknowledgeAnonymousViewers, acknowledgeVideoFromOrigin, videoAppBundle, videoAppPool } from './video-app-pool';
import { VideoPlatformOptions } from './options';


/**
 * Stage 2, split pools: the ALB routes /video/* and /chat/* to two Auto Scaling groups, each with its
 * own target group and scaling policy, so chat stays up to tell viewers what is wrong when video
 * struggles. Known live events are pre-scaled.
 */
export function buildSplitPools(stack: Stack, options: VideoPlatformOptions): void {
  const { network, logs, media, alerts } = videoFoundation(stack, options, { egress: true });
  const database = new ChatDatabase(stack, 'ChatDatabase', { network, alerts });
  const entrance = new PublicEntrance(stack, 'Entrance', { network, accessLogs: logs.bucket, alerts, certificateArn: options.certificateArn });
  const bundle = videoAppBundle(stack);

  const video = videoAppPool(stack, 'VideoPool', {
    role: 'video', network, bundle, media: media.bucket, database, alerts, minCapacity: VIDEO.min, maxCapacity: VIDEO.max,
  });
  entrance.routePaths(video, ['/video/*'], 10);
  video.asg.scaleOnRequestCount('RequestsPerTarget', { targetRequestsPerMinute: 3000 });

  const chat = videoAppPool(stack, 'ChatPool', {
    role: 'chat', network, bundle, media: media.bucket, database, alerts, minCapacity: CHAT.min, maxCapacity: CHAT.max,
  });
  entrance.routePaths(chat, ['/chat/*'], 20);
  chat.scaleOnCpuSteps();

  const events = options.liveEvents ?? [];
  preScaleForLiveEvents(video, video.asg, events, { baseMin: VIDEO.min, max: VIDEO.max, during: (e) => e.videoInstances });
  preScaleForLiveEvents(chat, chat.asg, events, { baseMin: CHAT.min, max: CHAT.max, during: (e) => e.chatInstances });

  acknowledgeAnonymousViewers(entrance);
  acknowledgeVideoFromOrigin(media.bucket);

  new CfnOutput(stack, 'Url', { value: entrance.url, description: 'The platform: /video/catalog, /chat/ws' });
}
