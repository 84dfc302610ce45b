import * as path from 'node:path';
import { AssetHashType, BundlingOptions, DockerImage, ILocalBundling } from 'aws-cdk-lib';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import { Construct } from 'constructs';
import { PROJECT_ROOT } from '../app/make-app';

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

/** Bundles an app into one `main.js` with the locally installed esbuild: no Docker, no npm on the instance. */
class EsbuildLocalBundling implements ILocalBundling {
  constructor(private readonly entry: string, private readonly externals: string[]) {}

  public tryBundle(outputDir: string, _options: BundlingOptions): boolean {
    // Required lazily: esbuild is a devDependency needed only when assets are bundled.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require('esbuild') as typeof import('esbuild');
    esbuild.buildSync({
      entryPoints: [this.entry],
      outfile: path.join(outputDir, 'main.js'),
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      minify: true,
      sourcemap: true,
      legalComments: 'external',
      logLevel: 'warning',
      external: this.externals,
    });
    return true;
  }
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
        local: new EsbuildLocalBundling(entry, props.externals ?? []),
      },
    });
  }
}
