import * as path from 'node:path';
import { BundlingOptions, ILocalBundling } from 'aws-cdk-lib';

/** Properties of {@link EsbuildBundling}. */
export interface EsbuildBundlingProps {
  /** The entry point, an absolute path. */
  readonly entry: string;
  /** The bundle's file name in the asset, e.g. `index.js`. */
  readonly outfile: string;
  /** The Node.js version the bundle targets, e.g. `node24`. */
  readonly target: string;
  /**
   * Write a linked source map beside the bundle.
   * @default false
   */
  readonly sourceMap?: boolean;
  /**
   * Modules left out of the bundle (the AWS SDK a Lambda runtime provides, optional peers never loaded).
   * @default - none
   */
  readonly externals?: string[];
  /**
   * Licence comments: `external` keeps them in a `.LEGAL.txt` beside the bundle.
   * @default 'none'
   */
  readonly legalComments?: 'none' | 'external';
}

/**
 * Bundles one entry point into one minified CommonJS file with the locally installed esbuild, through
 * its JavaScript API: no Docker, and no `npx` process per asset (which `NodejsFunction` starts and which
 * costs most of a bundle's time).
 */
export class EsbuildBundling implements ILocalBundling {
  constructor(private readonly props: EsbuildBundlingProps) {}

  public tryBundle(outputDir: string, _options: BundlingOptions): boolean {
    // Required lazily: esbuild is a devDependency needed only when assets are bundled.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require('esbuild') as typeof import('esbuild');
    esbuild.buildSync({
      entryPoints: [this.props.entry],
      outfile: path.join(outputDir, this.props.outfile),
      bundle: true,
      platform: 'node',
      target: this.props.target,
      format: 'cjs',
      minify: true,
      sourcemap: this.props.sourceMap ?? false,
      legalComments: this.props.legalComments ?? 'none',
      logLevel: 'warning',
      external: this.props.externals ?? [],
    });
    return true;
  }
}
