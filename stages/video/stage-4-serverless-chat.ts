import { CfnOutput, Stack } from 'aws-cdk-lib';
import { MediaDistribution } from '../../lib/constructs/media-distribution';
import { ServerlessChat } from '../../lib/constructs/serverless-chat';
import { VideoCatalog } from '../../lib/constructs/video-catalog';
import { ViewerApi } from '../../lib/constructs/viewer-api';
import { videoFoundation } from './foundation';
import { VideoPlatformOptions } from './options';

/**
 * Stage 4, serverless chat: the chat pool, the ALB and DocumentDB retire; chat runs on an API Gateway
 * WebSocket API with Lambda and DynamoDB. No instances are left, so the NAT gateways go too. DocumentDB's
 * instances go; its cluster volume is retained with its data, and everything it needs to be read again.
 */
export function buildServerlessChat(stack: Stack, options: VideoPlatformOptions): void {
  const { logs, media, alerts } = videoFoundation(stack, options, { egress: false });
  const cdn = new MediaDistribution(stack, 'MediaDistribution', {
    media: media.bucket, accessLogs: logs.bucket, alerts, webAclArn: options.webAclArn, domain: options.mediaDomain,
  });
  const api = new ViewerApi(stack, 'ViewerApi', { alerts });
  new VideoCatalog(stack, 'VideoCatalog', { api, alerts, journeyArtifacts: logs.bucket });
  const chat = new ServerlessChat(stack, 'ServerlessChat', { alerts, api });

  new CfnOutput(stack, 'ChatUrl', { value: chat.url, description: 'WebSocket chat: send {"action":"sendmessage","data":"hi"}' });
  new CfnOutput(stack, 'ApiUrl', { value: api.url, description: 'The catalog (GET <ApiUrl>/video/catalog) and chat history (GET <ApiUrl>/chat/history)' });
  new CfnOutput(stack, 'MediaUrl', { value: cdn.url, description: 'Video assets, e.g. <MediaUrl>/<title>/index.m3u8' });
}
