import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROJECT_ROOT, WORKSPACE_ROOT } from '../../app/project-root';
import { CaseStudyInfo } from '../../../stages/stage-info';
import { UsageError } from '../usage-error';
import { Deployment } from './deployment';
import { StageSnapshot } from './stage-snapshot';

/** A stage as committed: what `wa-stages diff <study> <stage> --baseline` compares the working copy with. */
export type BaselineProvider = (study: CaseStudyInfo, stage: number, deployment: Deployment) => StageSnapshot;

/** What a synth of the committed tree reads: the same inputs sourceKey hashes (input-key.ts). */
const TREE = ['bin', 'lib', 'stages', 'package.json', 'package-lock.json', 'cdk.json', 'tsconfig.json'];

/** Bumped when the baseline cache file's shape changes. */
const BASELINE_FORMAT = 1;

function git(root: string, args: string[]): { ok: boolean; out: string; err: string } {
  const result = spawnSync('git', ['-C', root, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { ok: result.status === 0, out: (result.stdout ?? '').trim(), err: (result.stderr ?? '').trim() || String(result.error ?? '') };
}

/**
 * The stage as committed at HEAD of the git checkout at `root`: the committed sources are extracted
 * (`git archive HEAD`) into a temporary folder that reuses this checkout's node_modules through a
 * symlink, and synthesized there in a child process, with the checks on, exactly as the working copy's
 * stage is. Snapshots are cached by commit, so comparing a second edit with the same HEAD costs only
 * the working copy's synth.
 */
export function gitBaseline(root: string = PROJECT_ROOT, cacheDir: string = path.join(WORKSPACE_ROOT, 'cdk.out', 'wa-stages')): BaselineProvider {
  return (study, stage, deployment) => {
    const head = git(root, ['rev-parse', '--verify', 'HEAD']);
    if (!git(root, ['rev-parse', '--is-inside-work-tree']).ok) {
      throw new UsageError(`--baseline compares with the stage as committed, which needs a git checkout; ${root} is not one (run it in a clone of the repository).`);
    }
    if (!head.ok) throw new UsageError(`--baseline compares with the stage as committed at HEAD; ${root} has no commit yet.`);
    const contextKey = Object.entries(deployment.context).sort().map(([k, v]) => `${k}=${v}`).join('&');
    const name = `baseline-${study.contextKey}-${stage}-${deployment.variant}-${head.out.slice(0, 12)}-${Buffer.from(contextKey).toString('base64url').slice(0, 40)}.json`;
    const cached = path.join(cacheDir, name);
    const key = JSON.stringify({ format: BASELINE_FORMAT, head: head.out, context: deployment.context, env: process.env.CDK_CONTEXT_JSON ?? '' });
    if (fs.existsSync(cached)) {
      try {
        const file = JSON.parse(fs.readFileSync(cached, 'utf8'));
        if (file.key === key) return file.snapshot as StageSnapshot;
      } catch {
        // A torn file: synthesize again.
      }
    }
    const snapshot = synthesizeCommitted(root, study, stage, deployment);
    fs.mkdirSync(cacheDir, { recursive: true });
    const temp = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify({ key, snapshot }));
    fs.renameSync(temp, cached);
    return snapshot;
  };
}

/** Extracts HEAD's sources into a temporary tree and synthesizes the stage there. */
function synthesizeCommitted(root: string, study: CaseStudyInfo, stage: number, deployment: Deployment): StageSnapshot {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-stages-baseline-'));
  try {
    const listed = git(root, ['ls-tree', '--name-only', 'HEAD', ...TREE]).out.split('\n').filter(Boolean);
    const archive = spawnSync('git', ['-C', root, 'archive', '--format=tar', 'HEAD', ...listed], { maxBuffer: 512 * 1024 * 1024 });
    if (archive.status !== 0) throw new Error(`git archive HEAD failed: ${archive.stderr}`);
    const untar = spawnSync('tar', ['-x', '-C', tree], { input: archive.stdout });
    if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
    fs.symlinkSync(fs.realpathSync(path.join(PROJECT_ROOT, 'node_modules')), path.join(tree, 'node_modules'), 'dir');
    const out = path.join(tree, 'snapshot.json');
    // The committed stage-store may predate the extra-context argument: it is passed only when given.
    const script = [
      `const { synthesizeSnapshot, variantContext } = require(${JSON.stringify(path.join(tree, 'lib', 'workshop', 'synth', 'stage-store'))});`,
      `const { STUDIES } = require(${JSON.stringify(path.join(tree, 'lib', 'workshop', 'studies'))});`,
      `const study = STUDIES.find((s) => s.contextKey === ${JSON.stringify(study.contextKey)});`,
      `const extra = ${JSON.stringify(deployment.context)};`,
      `const context = { ...variantContext(${JSON.stringify(deployment.variant)}, ${stage}), ...extra };`,
      `const snapshot = synthesizeSnapshot(study, ${stage}, ${JSON.stringify(deployment.variant)}, context, extra);`,
      `require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(snapshot));`,
    ].join('\n');
    const result = spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', script], {
      cwd: tree,
      encoding: 'utf8',
      env: { ...process.env, JSII_DEPRECATED: process.env.JSII_DEPRECATED ?? 'quiet' },
      maxBuffer: 256 * 1024 * 1024,
    });
    if (result.status !== 0) {
      const why = (result.stderr || '').split('\n').find((l) => /Error/.test(l)) ?? result.stderr;
      throw new Error(`Synth of ${study.contextKey} stage ${stage} as committed at HEAD failed: ${why}`);
    }
    return JSON.parse(fs.readFileSync(out, 'utf8')) as StageSnapshot;
  } finally {
    fs.rmSync(tree, { recursive: true, force: true });
  }
}
