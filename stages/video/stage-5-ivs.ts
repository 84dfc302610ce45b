import { CfnOutput, Stack } from 'aws-cdk-lib';
import { LiveChannel } from '../../lib/constructs/live-channel';
import { LiveEventDashboard } from '../../lib/constructs/live-event-dashboard';
import { MediaDistribution } from '../../lib/constructs/media-distribution';
import { ServerlessChat } from '../../lib/constructs/serverless-chat';
import { VideoCatalog } from '../../lib/constructs/video-catalog';
import { ViewerApi } from '../../lib/constructs/viewer-api';
import { videoFoundation } from './foundation';
import { VideoPlatformOptions } from './options';

/**
 * Stage 5, Amazon IVS: live ingest, transcoding and playback are a managed channel; its recordings
 * land in S3 and replay through the same CloudFront distribution under /ivs/*.
 */
export function buildIvs(stack: Stack, options: VideoPlatformOptions): void {
  const { logs, media, alerts } = videoFoundation(stack, options, { egress: false });
  const live = new LiveChannel(stack, 'LiveChannel', { accessLogs: logs.bucket, alerts });
  const cdn = new MediaDistribution(stack, 'MediaDistribution', {
    media: media.bucket, recordings: live.recordings, accessLogs: logs.bucket, alerts, webAclArn: options.webAclArn, domain: options.mediaDomain,
  });
  const api = new ViewerApi(stack, 'ViewerApi', { alerts });
  const catalog = new VideoCatalog(stack, 'VideoCatalog', { api, alerts, journeyArtifacts: logs.bucket });
  const chat = new ServerlessChat(stack, 'ServerlessChat', { alerts, api });
  // IVS took the stream pipeline off the team's hands; the time went into watching the whole event in one place.
  new LiveEventDashboard(stack, 'Operations', {
    channel: live.channel,
    distribution: cdn.distribution,
    apis: [
      { title: 'Viewer API (catalog, chat history)', apiId: api.api.apiId, protocol: 'http' },
      { title: 'Chat (WebSocket)', apiId: chat.api.apiId, protocol: 'websocket' },
    ],
    functionsUnder: [catalog, chat],
  });

  new CfnOutput(stack, 'IngestEndpoint', { value: `rtmps://${live.channel.attrIngestEndpoint}:443/app/`, description: 'RTMPS ingest for the broadcaster' });
  new CfnOutput(stack, 'StreamKeyArn', { value: live.streamKey.attrArn, description: 'aws ivs get-stream-key --arn <this> --query streamKey.value --output text' });
  new CfnOutput(stack, 'PlaybackUrl', { value: live.channel.attrPlaybackUrl, description: 'Live HLS playback' });
  new CfnOutput(stack, 'ChatUrl', { value: chat.url, description: 'WebSocket chat: send {"action":"sendmessage","data":"hi"}' });
  new CfnOutput(stack, 'ApiUrl', { value: api.url, description: 'The catalog (GET <ApiUrl>/video/catalog) and chat history (GET <ApiUrl>/chat/history)' });
  new CfnOutput(stack, 'MediaUrl', { value: cdn.url, description: 'Video on demand; recordings under <MediaUrl>/ivs/...' });
}
