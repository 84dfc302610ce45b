import { Template } from 'aws-cdk-lib/assertions';
import { makeApp, MakeAppOptions } from '../../lib/app/make-app';
import { addPlatforms } from '../../lib/app/platforms';
import { CfnTemplate } from '../../lib/evolution/data-safety';

/** A synthesized video platform stage, as both the assertions API and raw JSON. */
export interface SynthesizedStage {
  readonly template: Template;
  readonly json: CfnTemplate & { Outputs?: Record<string, { Value: unknown }> };
}

/**
 * Synthesizes the VideoPlatform stack at one stage the fast way: no built-in CloudFormation
 * validation, no bundling, no rule packs. Tests that need those pass them on.
 */
export function synthVideo(stage: number | string, options: MakeAppOptions = {}, context: Record<string, unknown> = {}): SynthesizedStage {
  const app = makeApp({
    cloudFormationValidation: false,
    bundling: false,
    checks: false,
    ...options,
    context: { video: stage, ...context, ...options.context },
  });
  const { video } = addPlatforms(app);
  const template = Template.fromStack(video);
  return { template, json: template.toJSON() as SynthesizedStage['json'] };
}

/** Logical IDs of all resources of a type. */
export function idsOfType(json: CfnTemplate, type: string): string[] {
  return Object.entries(json.Resources ?? {})
    .filter(([, r]) => r.Type === type)
    .map(([id]) => id);
}
