import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../app/project-root';

/** Folders whose every file can change what a stage synthesizes (its code, its runtime bundles). */
const SOURCE_DIRS = ['bin', 'lib', 'stages'];
/** Files that pin the toolchain and the App's context and feature flags. */
const SOURCE_FILES = ['package.json', 'package-lock.json', 'cdk.json', 'tsconfig.json'];
/** Environment variables aws-cdk-lib reads into a synth. */
const SYNTH_ENV = ['CDK_CONTEXT_JSON', 'CDK_VALIDATION', 'CDK_DEBUG'];

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.isFile() ? [full] : [];
  });
}

/**
 * A hash of every input a synth reads from this checkout: each source file's path and content, the
 * lock file, cdk.json and the environment aws-cdk-lib reads. Content, never timestamps, so a cache
 * keyed by it misses after any source change and survives a fresh clone of the same commit.
 */
export function sourceKey(root: string = PROJECT_ROOT): string {
  const hash = createHash('sha256');
  const files = [...SOURCE_DIRS.flatMap((d) => filesUnder(path.join(root, d))), ...SOURCE_FILES.map((f) => path.join(root, f))]
    .filter((f) => fs.existsSync(f))
    .map((f) => path.relative(root, f).split(path.sep).join('/'))
    .sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  for (const name of SYNTH_ENV) hash.update(`${name}=${process.env[name] ?? ''}\0`);
  return hash.digest('hex');
}

/** The key of one synth: the sources plus what the caller varies (study, stage, context, mode). */
export function synthKey(sources: string, parts: Record<string, unknown>): string {
  const canonical = JSON.stringify(parts, (_key, value) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) : value,
  );
  return createHash('sha256').update(sources).update('\0').update(canonical).digest('hex').slice(0, 32);
}
