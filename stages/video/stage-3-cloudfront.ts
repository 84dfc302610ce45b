import { CfnOutput, Stack } from 'aws-cdk-lib';
import { CatalogImport } from '../../lib/constructs/catalog-import';
import { ChatDatabase } from '../../lib/constructs/chat-database';
import { preScaleForLiveEvents } from '../../lib/constructs/live-event-prescaling';
import { MediaDistribution } from '../../lib/constructs/media-distribution';
import { PublicEntrance } from '../../lib/constructs/public-entrance';
import { VideoCatalog } from '../../lib/constructs/video-catalog';
import { ViewerApi } from '../../lib/constructs/viewer-api';
import { CHAT } from './capacity';
import { videoFoundation } from './foundation';
import { acknowledgeAnonymousViewers, videoAppBundle, videoAppPool } from './video-app-pool';
import { VideoPlatformOptions } from './options';


/**
 * Stage 3, CloudFront: video is delivered at the edge straight from S3, so the video pool and its idle
 * capacity are retired; the catalog it served moves to a serverless API. Chat stays on its pool behind
 * the ALB.
 */
export function buildCloudFront(stack: Stack, options: VideoPlatformOptions): void {
  const { network, logs, media, alerts } = videoFoundation(stack, options, { egress: true });
  const database = new ChatDatabase(stack, 'ChatDatabase', { network, alerts });
  const entrance = new PublicEntrance(stack, 'Entrance', { network, accessLogs: logs.bucket, alerts, certificateArn: options.certificateArn });

  const cdn = new MediaDistribution(stack, 'MediaDistribution', {
    media: media.bucket, accessLogs: logs.bucket, alerts, webAclArn: options.webAclArn, domain: options.mediaDomain,
  });
  // The video pool also served the catalog: it moves to a function and a table, copied from DocumentDB
  // while this stage deploys, before the pool goes.
  const api = new ViewerApi(stack, 'ViewerApi', { alerts });
  const catalog = new VideoCatalog(stack, 'VideoCatalog', { api, alerts, journeyArtifacts: logs.bucket });
  new CatalogImport(stack, 'CatalogImport', { catalog, database, network });

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
  new CfnOutput(stack, 'ApiUrl', { value: api.url, description: 'The catalog: GET <ApiUrl>/video/catalog; publishers POST (IAM-signed)' });
}
