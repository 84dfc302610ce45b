import { Stack, Tags } from 'aws-cdk-lib';
import { labelScorecard } from '../lib/checks/add-checks';
import { CaseStudyInfo, StageInfo } from './stage-info';

/** Names a case-study stack after its stage: template description and `wa:case-study` / `wa:stage` tags. */
export function labelStage(stack: Stack, study: CaseStudyInfo, stage: StageInfo): void {
  stack.templateOptions.description = `${study.title}, stage ${stage.id}: ${stage.title} (Well-Architected stages)`;
  Tags.of(stack).add('wa:case-study', study.contextKey);
  Tags.of(stack).add('wa:stage', `${stage.id}-${stage.slug}`);
  labelScorecard(stack, { study: study.contextKey, stage: stage.id, stageSlug: stage.slug });
}
