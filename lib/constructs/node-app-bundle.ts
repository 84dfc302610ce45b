import * as path from 'node:path';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import { Construct } from 'constructs';
import { PROJECT_ROOT } from '../app/make-app';
import { EsbuildBundling } from './esbuild-bundling';

/** Properties of {@link NodeAppBundle}. */
export interface NodeAppBundleProps {
  /** The app's entry point, relative to the project root, e.g. `lib/runtime/video-app/main.ts`. */
  readonly entry: string;
  /**
   * Modules left out of the bundle: optional peers the app never loads.
   * @default - none
   */
  readonly externals?: string[];
}

/**
 * A Node.js app as an S3 asset: `main.js` (plus its source map), downloaded by instances at boot. The
 * asset hash is the bundle's, so a change in any module the app imports ships a new version.
 */
export class NodeAppBundle extends Construct {
  public readonly asset: s3assets.Asset;
  /** File the instances run, relative to the unpacked asset. */
  public readonly entryFile = 'main.js';

  constructor(scope: Construct, id: string, props: NodeAppBundleProps) {
    super(scope, id);
    const entry = path.join(PROJECT_ROOT, props.entry);
    this.asset = new s3assets.Asset(this, 'Asset', {
      path: path.dirname(entry),
      assetHashType: AssetHashType.OUTPUT,
      bundling: {
        // Never used: local bundling always succeeds, and the project does not depend on Docker.
        image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22-alpine'),
        local: new EsbuildBundling({ entry, outfile: 'main.js', target: 'node22', sourceMap: true, legalComments: 'external', externals: props.externals }),
      },
    });
  }
}
