import { CfnOutput, Stack, Tags } from 'aws-cdk-lib';
import { labelScorecard } from '../lib/checks/add-checks';
import { CaseStudyInfo, StageInfo } from './stage-info';

/**
 * Names a case-study stack after its stage where that touches no resource: the template description
 * and a `Stage` output. A stage tag on every resource would turn each stage change into hundreds of tag
 * updates, replace resources whose tags are immutable and roll fleets whose launch template changed
 * only in its tags. The `wa:case-study` tag is the same at every stage, so it never changes anything.
 */
export function labelStage(stack: Stack, study: CaseStudyInfo, stage: StageInfo): void {
  stack.templateOptions.description = `${study.title}, stage ${stage.id}: ${stage.title} (Well-Architected stages)`;
  Tags.of(stack).add('wa:case-study', study.contextKey);
  new CfnOutput(stack, 'Stage', { value: `${stage.id}-${stage.slug}`, description: `Deployed stage of the ${study.title.toLowerCase()} (-c ${study.contextKey}=${stage.id})` });
  labelScorecard(stack, { study: study.contextKey, stage: stage.id, stageSlug: stage.slug });
}
