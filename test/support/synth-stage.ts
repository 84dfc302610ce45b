import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { makeApp, MakeAppOptions } from '../../lib/app/make-app';
import { addPlatforms, Platforms } from '../../lib/app/platforms';
import { CfnTemplate } from '../../lib/evolution/data-safety';
import { sourceKey } from '../../lib/workshop/synth/input-key';

/**
 * The environment variable naming the folder where one Jest run's test files share the templates
 * they synthesize (test/global-setup.ts creates it, the teardown removes it). Unset, every call
 * synthesizes.
 */
export const TEMPLATE_CACHE_ENV = 'WA_TEST_TEMPLATE_CACHE';

let sources: string | undefined;

/** The cache file of one synth: keyed by every source file too, so an edit during a run never reads an old template. */
function cacheFile(parts: unknown): string | undefined {
  const dir = process.env[TEMPLATE_CACHE_ENV];
  if (!dir || !fs.existsSync(dir)) return undefined;
  sources ??= sourceKey();
  const env = ['CDK_DEFAULT_ACCOUNT', 'CDK_DEFAULT_REGION', 'AWS_REGION'].map((name) => process.env[name] ?? '');
  const key = createHash('sha256').update(sources).update(JSON.stringify({ parts, env })).digest('hex').slice(0, 32);
  return path.join(dir, `${key}.json`);
}

/** A synthesized stage, as both the assertions API and raw JSON. */
export interface SynthesizedStage {
  readonly template: Template;
  readonly json: CfnTemplate & { Outputs?: Record<string, { Value: unknown }> };
}

/**
 * Synthesizes one case study's stack at one stage the fast way: no built-in CloudFormation
 * validation, no bundling, no rule packs, no stack of the other study. Tests that need those pass
 * them on. Within one Jest run, a stage another test file already synthesized with the same options
 * is read from the run's template cache.
 */
export function synthStage(
  study: keyof Platforms,
  stage: number | string,
  options: MakeAppOptions = {},
  context: Record<string, unknown> = {},
): SynthesizedStage {
  const file = cacheFile({ study, stage, options, context });
  if (file && fs.existsSync(file)) {
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as SynthesizedStage['json'];
    return { template: Template.fromJSON(json), json };
  }
  const app = makeApp({
    cloudFormationValidation: false,
    bundling: false,
    checks: false,
    ...options,
    context: { [study]: stage, ...context, ...options.context },
  });
  // Only this study's stack: the other one would be built and synthesized for nothing.
  const template = Template.fromStack(addPlatforms(app, { only: study })[study]!);
  const json = template.toJSON() as SynthesizedStage['json'];
  if (file) {
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(json));
    fs.renameSync(temp, file); // atomic: a test file running beside this one reads the whole template or none
  }
  return { template, json };
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
