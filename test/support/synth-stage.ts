import { Template } from 'aws-cdk-lib/assertions';
import { makeApp, MakeAppOptions } from '../../lib/app/make-app';
import { addPlatforms, Platforms } from '../../lib/app/platforms';
import { CfnTemplate } from '../../lib/evolution/data-safety';

/** A synthesized stage, as both the assertions API and raw JSON. */
export interface SynthesizedStage {
  readonly template: Template;
  readonly json: CfnTemplate & { Outputs?: Record<string, { Value: unknown }> };
}

/**
 * Synthesizes one case study's stack at one stage the fast way: no built-in CloudFormation
 * validation, no bundling, no rule packs, no stack of the other study. Tests that need those pass
 * them on.
 */
export function synthStage(
  study: keyof Platforms,
  stage: number | string,
  options: MakeAppOptions = {},
  context: Record<string, unknown> = {},
): SynthesizedStage {
  const app = makeApp({
    cloudFormationValidation: false,
    bundling: false,
    checks: false,
    ...options,
    context: { [study]: stage, ...context, ...options.context },
  });
  // Only this study's stack: the other one would be built and synthesized for nothing.
  const template = Template.fromStack(addPlatforms(app, { only: study })[study]!);
  return { template, json: template.toJSON() as SynthesizedStage['json'] };
}

/** The video platform at a stage; see {@link synthStage}. */
export function synthVideo(stage: number | string, options: MakeAppOptions = {}, context: Record<string, unknown> = {}): SynthesizedStage {
  return synthStage('video', stage, options, context);
}

/** The IoT platform at a stage; see {@link synthStage}. */
export function synthIot(stage: number | string, options: MakeAppOptions = {}, context: Record<string, unknown> = {}): SynthesizedStage {
  return synthStage('iot', stage, options, context);
}

/** Logical IDs of all resources of a type. */
export function idsOfType(json: CfnTemplate, type: string): string[] {
  return Object.entries(json.Resources ?? {})
    .filter(([, r]) => r.Type === type)
    .map(([id]) => id);
}
