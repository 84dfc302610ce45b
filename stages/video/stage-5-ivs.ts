import { Stack } from 'aws-cdk-lib';
import { VideoPlatformOptions } from './options';
export function buildIvs(_stack: Stack, _options: VideoPlatformOptions): void { throw new Error('todo'); }
