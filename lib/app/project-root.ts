import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The nearest folder at or above `start` that holds a package.json: the repository root when run from
 * source (lib/app), and the installed package's root when run compiled from dist/lib/app.
 */
export function packageRootOf(start: string): string {
  for (let dir = start; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
  }
  return path.resolve(start, '..', '..'); // lib/app in a tree with no package.json at all
}

/** The package root: cdk.json, package.json and the runtime sources (lib/runtime) live below it. */
export const PROJECT_ROOT = packageRootOf(__dirname);

/**
 * Where the workshop writes its cache and report: the project itself when run from a checkout, the
 * current folder when run from an installed package (never inside node_modules).
 */
export const WORKSPACE_ROOT = PROJECT_ROOT.split(path.sep).includes('node_modules') ? process.cwd() : PROJECT_ROOT;
