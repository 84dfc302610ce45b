import { Stack } from 'aws-cdk-lib';
import { VideoPlatformOptions } from './options';
export function buildCloudFront(_stack: Stack, _options: VideoPlatformOptions): void { throw new Error('todo'); }
