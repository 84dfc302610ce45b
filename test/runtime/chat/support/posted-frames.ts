import { PostToConnectionCommand, type ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import type { AwsStub } from 'aws-sdk-client-mock';

type ManagementApiMock = AwsStub<any, any, ApiGatewayManagementApiClient['config']>;

export interface PostedFrame {
  connectionId: string;
  frame: Record<string, unknown>;
}

/** Every PostToConnection the runtime attempted, with its frame decoded from JSON. */
export function postedFrames(api: ManagementApiMock): PostedFrame[] {
  return api.commandCalls(PostToConnectionCommand).map((call) => ({
    connectionId: call.args[0].input.ConnectionId!,
    frame: JSON.parse(String(call.args[0].input.Data)) as Record<string, unknown>,
  }));
}
