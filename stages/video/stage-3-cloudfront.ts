import { CfnOutput, Stack } from 'aws-cdk-lib';
import { ChatDatabase } from '../../lib/constructs/chat-database';
import { preScaleForLiveEvents } from '../../lib/constructs/live-event-prescaling';
import { MediaDistribution } from '../../lib/constructs/media-distribution';
import { PublicEntrance } from '../../lib/constructs/public-entrance';
import { CHAT } from './capacity';
import { videoFoundation } from './foundation';
import { acknowledgeAnonymousViewers, videoAppBundle, videoAppPool } from './video-app-pool';
import { VideoPlatformOptions } from './options';


/**
 * Stage 3, CloudFront: video is delivered at the edge straight from S3, so the video pool and its idle
 * capacity are retired. Chat stays on its pool behind the ALB.
 */
export function buildCloudFront(stack: Stack, options: VideoPlatformOptions): void {
  const { network, logs, media, alerts } = videoFoundation(stack, options, { egress: true });
  const database = new ChatDatabase(stack, 'ChatDatabase', { network, alerts });
  const entrance = new PublicEntrance(stack, 'Entrance', { network, accessLogs: logs.bucket, alerts, certificateArn: options.certificateArn });

  const cdn = new MediaDistribution(stack, 'MediaDistribution', {
    media: media.bucket, accessLogs: logs.bucket, alerts, webAclArn: options.webAclArn, domain: options.mediaDomain,
  });

  const chat = videoAppPool(stack, 'ChatPool', {
    role: 'chat', network, bundle: videoAppBundle(stack), media: media.bucket, database, alerts,
    minCapacity: CHAT.min, maxCapacity: CHAT.max,
  });
  entrance.routePaths(chat, ['/chat/*'], 20);
  chat.scaleOnCpuSteps();
  preScaleForLiveEvents(chat, chat.asg, options.liveEvents ?? [], { baseMin: CHAT.min, max: CHAT.max, during: (e) => e.chatInstances });

  acknowledgeAnonymousViewers(entrance);

  new CfnOutput(stack, 'Url', { value: entrance.url, description: 'Chat: /chat/ws' });
  new CfnOutput(stack, 'MediaUrl', { value: cdn.url, description: 'Video assets, e.g. <MediaUrl>/<title>/index.m3u8' });
}
