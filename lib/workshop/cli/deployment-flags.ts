import { CaseStudyInfo } from '../../../stages/stage-info';
import { Deployment, deploymentOf, isContextError } from '../synth/deployment';
import type { StageSnapshot } from '../synth/stage-snapshot';
import type { StageStore } from '../synth/stage-store';
import { UsageError } from '../usage-error';
import { ParsedArgs } from './args';

/** The switch that picks the talk's deployment, for the commands that score a deployment. */
export const TALK_SWITCH = '--talk';
/** The repeatable flag that passes context to synth, as `cdk synth -c key=value` does. */
export const CONTEXT_FLAG = '-c';

/** How the help of show, diff and score explains the two flags. */
export const DEPLOYMENT_HELP =
  "--talk scores the deployment the talk describes (stages/talk-deployment.ts) instead of the workshop's\n" +
  "(cdk.json's defaults); -c key=value (repeatable) adds context on top, as cdk synth takes it, e.g.\n" +
  "-c certificateArn=arn:aws:acm:... ('npm run context' lists the keys).";

/** The deployment a command line asks for. */
export function deploymentFrom(args: ParsedArgs): Deployment {
  return deploymentOf(args.switches.has(TALK_SWITCH), args.lists.get(CONTEXT_FLAG) ?? []);
}

/** A stage's snapshot under a deployment; a context value the synth rejects is a usage error of one line. */
export function snapshotOf(store: StageStore, study: CaseStudyInfo, stage: number, deployment: Deployment): StageSnapshot {
  try {
    return store.get(study, stage, deployment.variant, deployment.context);
  } catch (error) {
    if (isContextError(error)) throw new UsageError(`-c: ${error.message.split('\n')[0]}.`.replace(/\.\.$/, '.'));
    throw error;
  }
}
