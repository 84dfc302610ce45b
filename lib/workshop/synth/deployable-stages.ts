import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { CaseStudyInfo } from '../../../stages/stage-info';
import { sourceKey, synthKey } from './input-key';
import { studyApp, withReportHeldBack } from './study-app';
import { SharedTemplateValidation } from './template-validation';

/** Bumped whenever what a deployable assembly holds changes, so older ones are synthesized again. */
const ASSEMBLY_FORMAT = 2;

/**
 * Extra context a stage is synthesized with, as a row and an assembly folder of its own (the talk's
 * scale: `-c oracleStorageGiB=65536`).
 */
export interface StageVariant {
  /** Suffix of the row and the assembly folder, e.g. `talk`. */
  readonly name: string;
  readonly context: Record<string, unknown>;
}

/** A stage to synthesize, optionally under a variant's context. */
export interface StageToSynth {
  readonly study: CaseStudyInfo;
  readonly stage: number;
  readonly variant?: StageVariant;
}

/** A stage synthesized as `cdk synth <stack>` does, in its own assembly folder. */
export interface DeployableStage {
  readonly study: CaseStudyInfo;
  readonly stage: number;
  readonly variant?: StageVariant;
  readonly assemblyDir: string;
  /** Reused from an earlier run with the same inputs, not synthesized now. */
  readonly reused: boolean;
}

/** Options of {@link synthDeployableStages}. */
export interface DeployableStagesOptions {
  /**
   * Reuse an assembly whose recorded key matches (every source file, the lock file, cdk.json, the stage).
   * @default true
   */
  readonly reuse?: boolean;
  /** Told before each stage is built. */
  readonly onProgress?: (message: string) => void;
  /**
   * Called with each stage synthesized now (not reused) and the App it was synthesized from, for
   * callers that read the construct tree as well as the assembly.
   * @default - nothing
   */
  readonly onSynthesized?: (stage: DeployableStage, app: App) => void;
}

const keyFile = (assemblyDir: string) => `${assemblyDir}.key`;

/** One validation engine for every call in this process: a later call with no new resource type starts none. */
const processValidation = new SharedTemplateValidation();

/** `<outRoot>/<study>-<stage>`, with `-<variant>` for a variant. */
function assemblyDirOf(outRoot: string, s: StageToSynth): string {
  return path.join(outRoot, `${s.study.contextKey}-${s.stage}${s.variant ? `-${s.variant.name}` : ''}`);
}

/** The key an assembly records: every input, the stage and the variant's context. */
function keyOf(sources: string, s: StageToSynth): string {
  return synthKey(sources, { format: ASSEMBLY_FORMAT, mode: 'deployable', study: s.study.contextKey, stage: s.stage, variant: s.variant ?? null });
}

/** Files of an assembly the CLI reads: the manifest names the stack's, and the assets manifest names its asset folders. */
function copyAssembly(from: string, to: string, stackName: string): void {
  fs.rmSync(to, { recursive: true, force: true });
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.isFile()) fs.copyFileSync(path.join(from, entry.name), path.join(to, entry.name));
  }
  const assets = JSON.parse(fs.readFileSync(path.join(from, `${stackName}.assets.json`), 'utf8'));
  const folders = [
    ...Object.values<{ source: { path?: string } }>(assets.files ?? {}).map((f) => f.source.path),
    ...Object.values<{ source: { directory?: string } }>(assets.dockerImages ?? {}).map((d) => d.source.directory),
  ].filter((p): p is string => typeof p === 'string' && !path.isAbsolute(p));
  for (const folder of new Set(folders)) {
    const source = path.join(from, folder);
    if (fs.existsSync(source)) fs.cpSync(source, path.join(to, folder), { recursive: true });
  }
}

/**
 * Synthesizes stages exactly as `cdk synth <stack> -c <study>=<stage>` would (asset bundling with the
 * local esbuild, the built-in template validation, both rule packs and the scorecards) into
 * `<outRoot>/<study>-<stage>`, each a complete cloud assembly for `cdk diff --app` or `cdk deploy --app`.
 *
 * What makes it fast without skipping any of that:
 * - each stage's App synthesizes only its own study's stack;
 * - the stages of a study are built into one work folder, so CDK's asset cache bundles each distinct
 *   asset once per process (its key includes the output folder), and then copied to their own folders;
 * - one template-validation engine serves every stage, and every later call of this process (see
 *   {@link SharedTemplateValidation});
 * - a stage whose inputs are unchanged since the last run is reused: its assembly records a key over
 *   every source file, the lock file, cdk.json and the stage, so any change synthesizes it again.
 */
/** The stages whose assembly cannot be reused: missing, or synthesized from other inputs. */
export function staleStages(stages: readonly StageToSynth[], outRoot: string): StageToSynth[] {
  const sources = sourceKey();
  return stages.filter((s) => {
    const dir = assemblyDirOf(outRoot, s);
    const key = keyOf(sources, s);
    return !(fs.existsSync(path.join(dir, 'manifest.json')) && fs.existsSync(keyFile(dir)) && fs.readFileSync(keyFile(dir), 'utf8') === key);
  });
}

export function synthDeployableStages(stages: readonly StageToSynth[], outRoot: string, options: DeployableStagesOptions = {}): DeployableStage[] {
  const sources = sourceKey();
  const dirOf = (s: StageToSynth) => assemblyDirOf(outRoot, s);
  const results = new Map<string, DeployableStage>();
  const stale = new Set(((options.reuse ?? true) ? staleStages(stages, outRoot) : stages).map(dirOf));
  const todo: StageToSynth[] = [];
  for (const s of stages) {
    const dir = dirOf(s);
    if (stale.has(dir)) {
      todo.push(s);
    } else {
      options.onProgress?.(`reusing ${s.study.contextKey} stage ${s.stage}: its inputs are unchanged since it was synthesized`);
      results.set(dir, { ...s, assemblyDir: dir, reused: true });
    }
  }

  // Build every App first: the validation engine is then started once, for all their resource types.
  const validation = processValidation;
  const built: Array<StageToSynth & { app: App; workDir: string }> = [];
  for (const s of todo) {
    options.onProgress?.(`building ${s.study.contextKey} stage ${s.stage}...`);
    // One work folder per study and process, so concurrent runs never share one, beside the stage
    // folders: the bundles' source maps hold paths relative to the folder they were built in, and so
    // the asset hashes are those a synth straight into <outRoot>/<study>-<stage> computes.
    const workDir = path.join(outRoot, `.work-${s.study.contextKey}-${process.pid}`);
    fs.mkdirSync(workDir, { recursive: true });
    const app = studyApp({ study: s.study, stage: s.stage, outdir: workDir, deployable: true, context: s.variant?.context });
    validation.register(app);
    built.push({ ...s, app, workDir });
  }
  if (built.length > 0) {
    options.onProgress?.('starting the template validation engine...');
    validation.prime(built.map((b) => b.app));
  }
  for (const b of built) {
    options.onProgress?.(`synthesizing ${b.study.contextKey} stage ${b.stage}...`);
    const dir = dirOf(b);
    fs.rmSync(keyFile(dir), { force: true }); // a run that dies from here on leaves no key, so no reuse
    withReportHeldBack(() => b.app.synth());
    copyAssembly(b.workDir, dir, b.study.stackName);
    fs.writeFileSync(keyFile(dir), keyOf(sources, b));
    const synthesized: DeployableStage = { study: b.study, stage: b.stage, variant: b.variant, assemblyDir: dir, reused: false };
    results.set(dir, synthesized);
    options.onSynthesized?.(synthesized, b.app);
  }
  for (const workDir of new Set(built.map((b) => b.workDir))) fs.rmSync(workDir, { recursive: true, force: true });
  return stages.map((s) => results.get(dirOf(s))!);
}
