import { App, Stack } from 'aws-cdk-lib';
import { makeApp } from '../../app/make-app';
import { addPlatforms, Platforms } from '../../app/platforms';
import { CaseStudyInfo } from '../../../stages/stage-info';

/** Options of {@link studyApp}. */
export interface StudyAppOptions {
  readonly study: CaseStudyInfo;
  readonly stage: number;
  /** Where the assembly is written. */
  readonly outdir: string;
  /**
   * Synthesize as `cdk synth <stack>` does: asset bundling and the built-in template validation.
   * Off, the template's resources and the scorecard are the same, but assets are not bundled (asset
   * hashes then stand for each asset's construct and bundling options, not its bytes).
   */
  readonly deployable: boolean;
  /**
   * Context on top of cdk.json's and the stage key.
   * @default - none
   */
  readonly context?: Record<string, unknown>;
}

/**
 * An App holding one case study's stack at one stage, as `cdk synth <stack> -c <study>=<stage>`
 * would synthesize it (addPlatforms still reads and checks all context); the other study's stack is
 * not built, so each stage pays only for its own.
 */
export function studyApp(options: StudyAppOptions): App {
  const { study } = options;
  const app = makeApp({
    outdir: options.outdir,
    context: {
      ...options.context,
      [study.contextKey]: options.stage,
      // What the CDK CLI sets for `cdk synth <stack>`: bundle only the selected stack's assets.
      ...(options.deployable ? { 'aws:cdk:bundling-stacks': [study.stackName] } : {}),
    },
    bundling: options.deployable,
    cloudFormationValidation: options.deployable,
  });
  addPlatforms(app, { only: study.contextKey as keyof Platforms });
  const stacks = app.node.children.filter(Stack.isStack).map((s) => s.stackName);
  if (stacks.length !== 1 || stacks[0] !== study.stackName) {
    throw new Error(`Expected the App to hold ${study.stackName} only, it holds: ${stacks.join(', ')}`);
  }
  return app;
}

/**
 * Runs a synth with CDK's printed validation report held back: every finding is in the assembly's
 * validation-report.json and scorecard anyway. What was held back is printed if synth fails.
 */
export function withReportHeldBack<T>(synth: () => T): T {
  const held: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void held.push(args);
  try {
    return synth();
  } catch (error) {
    for (const args of held) original(...args);
    throw error;
  } finally {
    console.error = original;
  }
}
