import * as path from 'node:path';
import { BundlingOptions, DockerImage, ILocalBundling } from 'aws-cdk-lib';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import { Construct } from 'constructs';
import { PROJECT_ROOT } from '../app/make-app';

const SOURCE_DIR = path.join(PROJECT_ROOT, 'lib', 'runtime', 'video-app');

/** Bundles the video app into one `main.js` with the locally installed esbuild: no Docker, no npm on the instance. */
class EsbuildLocalBundling implements ILocalBundling {
  public tryBundle(outputDir: string, _options: BundlingOptions): boolean {
    // Required lazily: esbuild is a devDependency needed only when assets are bundled.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require('esbuild') as typeof import('esbuild');
    esbuild.buildSync({
      entryPoints: [path.join(SOURCE_DIR, 'main.ts')],
      outfile: path.join(outputDir, 'main.js'),
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      minify: true,
      sourcemap: true,
      legalComments: 'external',
      logLevel: 'warning',
      // Optional peers of the mongodb driver that DocumentDB never uses.
      external: [
        'kerberos', '@mongodb-js/zstd', '@aws-sdk/credential-providers', 'gcp-metadata', 'snappy',
        'socks', 'aws4', 'mongodb-client-encryption', 'bufferutil', 'utf-8-validate',
      ],
    });
    return true;
  }
}

/** The video app as an S3 asset: `main.js` (plus its source map), downloaded by the instances at boot. */
export class VideoAppBundle extends Construct {
  public readonly asset: s3assets.Asset;
  /** File the instances run, relative to the unpacked asset. */
  public readonly entryFile = 'main.js';

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.asset = new s3assets.Asset(this, 'Asset', {
      path: SOURCE_DIR,
      bundling: {
        // Never used: local bundling always succeeds, and the project does not depend on Docker.
        image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22-alpine'),
        local: new EsbuildLocalBundling(),
      },
    });
  }
}
