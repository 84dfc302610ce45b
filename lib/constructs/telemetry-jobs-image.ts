import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { PROJECT_ROOT } from '../app/make-app';

const JOBS_DIR = path.join(PROJECT_ROOT, 'lib', 'runtime', 'telemetry-jobs');
/** The scripts the image runs; a task definition picks one with its command. */
export const JOB_SCRIPTS = ['export-archive', 'analyse'] as const;
export type JobScript = (typeof JOB_SCRIPTS)[number];

/**
 * The batch jobs' container image. Synth bundles each job script into one file with the local esbuild
 * and stages it next to the Dockerfile; the image itself is built from that asset at deploy time
 * (`cdk deploy` publishes it to ECR), never at synth.
 */
export class TelemetryJobsImage extends Construct {
  public readonly image: ecs.ContainerImage;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const context = fs.mkdtempSync(path.join(os.tmpdir(), 'telemetry-jobs-'));
    for (const file of ['Dockerfile', '.dockerignore']) {
      if (fs.existsSync(path.join(JOBS_DIR, file))) fs.copyFileSync(path.join(JOBS_DIR, file), path.join(context, file));
    }
    if (Stack.of(this).bundlingRequired) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const esbuild = require('esbuild') as typeof import('esbuild');
      for (const script of JOB_SCRIPTS) {
        esbuild.buildSync({
          entryPoints: [path.join(JOBS_DIR, `${script}.ts`)],
          outfile: path.join(context, `${script}.js`),
          bundle: true,
          platform: 'node',
          target: 'node22',
          format: 'cjs',
          minify: true,
          legalComments: 'none',
          logLevel: 'warning',
        });
      }
    }
    this.image = ecs.ContainerImage.fromAsset(context, { platform: Platform.LINUX_ARM64 });
  }
}
