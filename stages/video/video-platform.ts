import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { selectStage, StageInfo } from '../stage-info';
import { labelStage } from '../stage-labels';
import { VideoPlatformOptions } from './options';
import { VIDEO_PLATFORM } from './registry';
import { buildMonolith } from './stage-1-monolith';
import { buildSplitPools } from './stage-2-split-pools';
import { buildCloudFront } from './stage-3-cloudfront';
import { buildServerlessChat } from './stage-4-serverless-chat';
import { buildIvs } from './stage-5-ivs';

/** Each stage's composition, by stage id. */
const BUILDERS: Record<number, (stack: Stack, options: VideoPlatformOptions) => void> = {
  1: buildMonolith,
  2: buildSplitPools,
  3: buildCloudFront,
  4: buildServerlessChat,
  5: buildIvs,
};

/** Properties of {@link VideoPlatformStack}. */
export interface VideoPlatformStackProps extends StackProps, VideoPlatformOptions {
  /** The stage to deploy: a number from 1 to 5 (a context value is fine; it is validated). */
  readonly stage: unknown;
}

/**
 * The video platform case study as one stack. The stage picks what it contains; moving to the next
 * stage updates the same stack in place, and the resources that live on keep their logical IDs.
 */
export class VideoPlatformStack extends Stack {
  public readonly stage: StageInfo;

  constructor(scope: Construct, id: string, props: VideoPlatformStackProps) {
    super(scope, id, props);
    this.stage = selectStage(VIDEO_PLATFORM, props.stage);
    labelStage(this, VIDEO_PLATFORM, this.stage);
    BUILDERS[this.stage.id](this, props);
  }
}
