import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { selectStage, StageInfo } from '../stage-info';
import { labelStage } from '../stage-labels';
import { IotPlatformOptions } from './options';
import { IOT_PLATFORM } from './registry';
import { buildForklift } from './stage-1-forklift';
import { buildAurora } from './stage-2-aurora';
import { buildTiering } from './stage-3-tiering';
import { buildDynamoDb } from './stage-4-dynamodb';
import { buildServerless } from './stage-5-serverless';

/** Each stage's composition, by stage id. */
const BUILDERS: Record<number, (stack: Stack, options: IotPlatformOptions) => void> = {
  1: buildForklift,
  2: buildAurora,
  3: buildTiering,
  4: buildDynamoDb,
  5: buildServerless,
};

/** Properties of {@link IotPlatformStack}. */
export interface IotPlatformStackProps extends StackProps, IotPlatformOptions {
  /** The stage to deploy: a number from 1 to 5 (a context value is fine; it is validated). */
  readonly stage: unknown;
}

/**
 * The IoT telemetry case study as one stack. The stage picks what it contains; moving to the next
 * stage updates the same stack in place, and the data stores that live on keep their logical IDs.
 */
export class IotPlatformStack extends Stack {
  public readonly stage: StageInfo;

  constructor(scope: Construct, id: string, props: IotPlatformStackProps) {
    super(scope, id, props);
    this.stage = selectStage(IOT_PLATFORM, props.stage);
    labelStage(this, IOT_PLATFORM, this.stage);
    BUILDERS[this.stage.id](this, props);
  }
}
