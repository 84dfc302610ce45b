import * as path from 'node:path';
import { AssetHashType, DockerImage, Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { PROJECT_ROOT } from '../app/make-app';
import { acknowledge } from '../checks/acknowledge';
import { EsbuildBundling } from './esbuild-bundling';

/** Properties of {@link nodeFunction}. */
export interface NodeFunctionProps {
  /** The handler file, relative to the project root; it exports `handler`. */
  readonly entry: string;
  readonly environment?: Record<string, string>;
  /** @default Duration.seconds(29) */
  readonly timeout?: Duration;
  /** @default 256 */
  readonly memorySize?: number;
  /**
   * A VPC to run in, and its subnets, for a function that reaches a database inside it.
   * @default - outside any VPC
   */
  readonly vpc?: { readonly vpc: ec2.IVpc; readonly subnets: ec2.SubnetSelection };
  /**
   * Packages left out of the bundle besides the AWS SDK (which the runtime provides): optional
   * add-ons a driver never loads.
   * @default - none
   */
  readonly externalModules?: string[];
}

/** The code of a function: the handler file bundled into `index.js`, with its source map. */
function bundledCode(entry: string, externalModules: string[]): lambda.Code {
  return lambda.Code.fromAsset(path.dirname(entry), {
    // The hash is the bundle's, so a change in any module the handler imports ships new code.
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never used: local bundling always succeeds, and the project does not depend on Docker.
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24-alpine'),
      // The AWS SDK v3 is part of the Node.js runtime, so it stays out of the bundle.
      local: new EsbuildBundling({ entry, outfile: 'index.js', target: 'node24', sourceMap: true, externals: ['@aws-sdk/*', ...externalModules] }),
    },
  });
}

/**
 * A Lambda function as every one in this project is built: TypeScript bundled by the local esbuild
 * (never Docker), Node.js 24 on Graviton, X-Ray tracing, JSON logs in a log group with retention.
 */
export function nodeFunction(scope: Construct, id: string, props: NodeFunctionProps): lambda.Function {
  const fn = new lambda.Function(scope, id, {
    code: bundledCode(path.join(PROJECT_ROOT, props.entry), props.externalModules ?? []),
    handler: 'index.handler',
    runtime: lambda.Runtime.NODEJS_24_X,
    architecture: lambda.Architecture.ARM_64,
    memorySize: props.memorySize ?? 256,
    timeout: props.timeout ?? Duration.seconds(29),
    tracing: lambda.Tracing.ACTIVE,
    environment: props.environment,
    logGroup: new logs.LogGroup(scope, `${id}Logs`, { retention: logs.RetentionDays.ONE_MONTH }),
    loggingFormat: lambda.LoggingFormat.JSON,
    vpc: props.vpc?.vpc,
    vpcSubnets: props.vpc?.subnets,
  });
  acknowledge(
    fn,
    {
      rule: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'The AWS managed basic execution policy only lets the function write its own log streams.',
    },
    {
      rule: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray tracing: xray:PutTraceSegments and PutTelemetryRecords take no resource narrower than *.',
    },
  );
  if (props.vpc) {
    acknowledge(fn, {
      rule: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole]',
      reason: 'The AWS managed VPC access policy only lets the function manage the network interfaces it runs on.',
    });
  }
  return fn;
}
