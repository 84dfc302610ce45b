import * as path from 'node:path';
import { Aws, AssetHashType, BundlingOutput, DockerImage } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import { Construct } from 'constructs';
import { PROJECT_ROOT } from '../app/make-app';
import { EsbuildBundling } from './esbuild-bundling';

const JOBS_DIR = path.join(PROJECT_ROOT, 'lib', 'runtime', 'telemetry-jobs');
/** The scripts the batch jobs run; a task definition picks one. */
export const JOB_SCRIPTS = ['export-archive', 'analyse'] as const;
export type JobScript = (typeof JOB_SCRIPTS)[number];

/**
 * Stock images, pulled by Fargate at task start: nothing is built at deploy time, so deploying needs no
 * Docker. Node.js 22 runs the bundle; the AWS CLI image fetches it (and the RDS CA bundle) first.
 * Both are multi-architecture, so the Graviton tasks get their arm64 variants.
 */
export const JOB_RUNTIME_IMAGE = 'public.ecr.aws/docker/library/node:22-alpine';
export const JOB_FETCH_IMAGE = 'public.ecr.aws/aws-cli/aws-cli:latest';
/** Where the fetched bundle and CA file live in the task: the jobs' default DB_CA_FILE is /app/global-bundle.pem. */
export const JOB_CODE_DIR = '/app';
const RDS_CA_BUNDLE = 'https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem';

/**
 * The batch jobs' code: each script is one esbuild bundle shipped as an S3 asset, run by a stock Node.js
 * image. A task gets two containers: `fetch` copies the bundle and the RDS CA bundle into a volume and
 * exits; `job` starts when it succeeded and runs the script as the unprivileged `node` user.
 */
export class TelemetryJobsBundle extends Construct {
  private readonly assets = new Map<JobScript, s3assets.Asset>();

  /** The script's bundle, made on first use: a stage uploads only the scripts it runs. */
  private assetFor(script: JobScript): s3assets.Asset {
    const existing = this.assets.get(script);
    if (existing) return existing;
    const asset = new s3assets.Asset(this, script, {
      path: JOBS_DIR,
      assetHashType: AssetHashType.OUTPUT,
      bundling: {
        // Never used: local bundling always succeeds, and the project does not depend on Docker.
        image: DockerImage.fromRegistry(JOB_RUNTIME_IMAGE),
        local: new EsbuildBundling({ entry: path.join(JOBS_DIR, `${script}.ts`), outfile: `${script}.js`, target: 'node22' }),
        outputType: BundlingOutput.SINGLE_FILE,
      },
    });
    this.assets.set(script, asset);
    return asset;
  }

  /**
   * Adds the fetch and job containers for a script to a task definition and lets its task role read
   * that one object. Returns the job container (name `job`), whose environment events may override.
   */
  public addContainers(task: ecs.FargateTaskDefinition, script: JobScript, options: { environment: Record<string, string>; logging: ecs.LogDriver }): ecs.ContainerDefinition {
    const asset = this.assetFor(script);
    task.addVolume({ name: 'code' });
    const fetch = task.addContainer('fetch', {
      image: ecs.ContainerImage.fromRegistry(JOB_FETCH_IMAGE),
      essential: false,
      entryPoint: ['sh', '-c'],
      command: [
        [
          `aws s3 cp --only-show-errors 's3://${asset.s3BucketName}/${asset.s3ObjectKey}' ${JOB_CODE_DIR}/${script}.js`,
          `curl -fsSL --retry 5 -o ${JOB_CODE_DIR}/global-bundle.pem ${RDS_CA_BUNDLE}`,
          `chmod -R a+rX ${JOB_CODE_DIR}`,
        ].join(' && '),
      ],
      environment: { AWS_REGION: Aws.REGION },
      readonlyRootFilesystem: true,
      logging: options.logging,
    });
    fetch.addMountPoints({ containerPath: JOB_CODE_DIR, sourceVolume: 'code', readOnly: false });
    const job = task.addContainer('job', {
      image: ecs.ContainerImage.fromRegistry(JOB_RUNTIME_IMAGE),
      command: ['node', `${JOB_CODE_DIR}/${script}.js`],
      user: 'node',
      environment: options.environment,
      readonlyRootFilesystem: true,
      logging: options.logging,
    });
    job.addMountPoints({ containerPath: JOB_CODE_DIR, sourceVolume: 'code', readOnly: true });
    job.addContainerDependencies({ container: fetch, condition: ecs.ContainerDependencyCondition.SUCCESS });
    // An exact grant rather than grantRead(): the task fetches one object, its own bundle.
    task.taskRole.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [`arn:${Aws.PARTITION}:s3:::${asset.s3BucketName}/${asset.s3ObjectKey}`] }),
    );
    return job;
  }
}
