import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { addWellArchitectedChecks } from '../checks/add-checks';
import { PROJECT_ROOT } from './project-root';

export { PROJECT_ROOT } from './project-root';

/** Options for {@link makeApp}; everything defaults to what `cdk synth` does. */
export interface MakeAppOptions {
  /**
   * Context on top of cdk.json's (for example `{ video: 3 }`). The CLI's own `-c` values still win.
   * @default - cdk.json's context only
   */
  readonly context?: Record<string, unknown>;
  /**
   * Where the cloud assembly is written.
   * @default - the CLI's outdir, or a temporary folder outside the CLI
   */
  readonly outdir?: string;
  /**
   * Run aws-cdk-lib's built-in CloudFormation validation. It costs about 1.5 s per process, so unit
   * tests turn it off; the real synth and the compliance tests keep it on.
   * @default true
   */
  readonly cloudFormationValidation?: boolean;
  /**
   * Bundle assets (Lambda code, the EC2 app). Off, the assembly still synthesizes but cannot deploy.
   * @default true
   */
  readonly bundling?: boolean;
  /**
   * Register the Well-Architected rule packs (cdk-nag) as validation plugins.
   * @default true
   */
  readonly checks?: boolean;
}

/** Reads the `context` block of cdk.json, so Apps built outside the CLI get the same feature flags. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'cdk.json'), 'utf8'));
  return cdkJson.context ?? {};
}

/**
 * The one way this project creates an App: bin/, tests and tools all go through here, so every App
 * gets cdk.json's context and feature flags (launch templates, not launch configurations) and the
 * same checks.
 */
export function makeApp(options: MakeAppOptions = {}): App {
  // Construct paths in template metadata, as the CLI writes them: the data-safety check reads them.
  const context: Record<string, unknown> = { 'aws:cdk:enable-path-metadata': true, ...cdkJsonContext(), ...options.context };
  if (options.bundling === false) {
    context['aws:cdk:bundling-stacks'] = [];
  }
  const app = new App({
    context,
    outdir: options.outdir,
    builtinCloudFormationValidation: options.cloudFormationValidation ?? true,
  });
  if (options.checks ?? true) {
    addWellArchitectedChecks(app);
  }
  return app;
}
