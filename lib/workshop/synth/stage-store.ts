import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WORKSPACE_ROOT } from '../../app/project-root';
import type { CaseStudyInfo } from '../../../stages/stage-info';
import { sourceKey, synthKey } from './input-key';
import { DeploymentVariant, readResources, StageSnapshot, StageTemplate } from './stage-snapshot';

/*
 * Synthesizing loads aws-cdk-lib and the constructs (a second or more); a cache hit needs neither, so
 * a warm `show` or `diff` loads them only when it must synthesize.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const synthModules = () => ({
  ...(require('../../checks/add-checks') as typeof import('../../checks/add-checks')),
  ...(require('./study-app') as typeof import('./study-app')),
});
const talkDeployment = () => require('../../../stages/talk-deployment') as typeof import('../../../stages/talk-deployment');
/* eslint-enable @typescript-eslint/no-require-imports */

/** Bumped whenever the snapshot's shape changes, so old cache files are never read as new ones. */
const SNAPSHOT_FORMAT = 3;

/** Context each deployment variant adds to a stage (none for the workshop's own deploy). */
export function variantContext(variant: DeploymentVariant, stage: number): Record<string, unknown> {
  // The talk's claims test puts both studies at the same stage number; so does the report. Both stage
  // keys are set, since the context table checks each value against the stages that use it.
  return variant === 'talk' ? { video: stage, iot: stage, ...talkDeployment().talkDeploymentContext(stage, stage) } : {};
}

/** Options of {@link StageStore}. */
export interface StageStoreOptions {
  /**
   * Folder of cached snapshots.
   * @default cdk.out/wa-stages under the project root (the current folder when installed as a package)
   */
  readonly cacheDir?: string;
  /**
   * Read and write the cache.
   * @default true
   */
  readonly cache?: boolean;
  /** Told before each stage is synthesized (a cache miss). */
  readonly onSynth?: (study: CaseStudyInfo, stage: number, variant: DeploymentVariant) => void;
  /**
   * The hash of the sources, computed once per store.
   * @default - {@link sourceKey} of the project
   */
  readonly sources?: () => string;
}

interface CacheFile {
  readonly key: string;
  readonly snapshot: StageSnapshot;
}

/**
 * Synthesized stages for the workshop commands, each synthesized at most once per set of inputs: a
 * snapshot is cached under a key that hashes every source file, the lock file, cdk.json, the context
 * and the variant, so after any change to any of them the stage is synthesized again.
 */
export class StageStore {
  private sources?: string;
  /** Where the snapshots are cached. */
  public readonly cacheDir: string;

  constructor(private readonly options: StageStoreOptions = {}) {
    this.cacheDir = options.cacheDir ?? path.join(WORKSPACE_ROOT, 'cdk.out', 'wa-stages');
  }

  /** Whether the cache is read and written. */
  public get caching(): boolean {
    return this.options.cache ?? true;
  }

  /** The hash of every source a synth reads, computed once per store. */
  public sourcesKey(): string {
    this.sources ??= (this.options.sources ?? sourceKey)();
    return this.sources;
  }

  /**
   * The snapshot of one stage under one deployment variant, with `extra` context (`-c key=value`) on
   * top of the variant's. Extra context is part of the key and of the file name: a snapshot synthesized
   * without it is never served for a request with it, and the two never overwrite each other.
   */
  public get(study: CaseStudyInfo, stage: number, variant: DeploymentVariant = 'workshop', extra: Readonly<Record<string, string>> = {}): StageSnapshot {
    this.sources ??= (this.options.sources ?? sourceKey)();
    const context = { ...variantContext(variant, stage), ...extra };
    const key = synthKey(this.sources, { format: SNAPSHOT_FORMAT, study: study.contextKey, stage, variant, context, extra });
    const suffix = Object.keys(extra).length > 0 ? `-${synthKey('', { extra })}` : '';
    const file = path.join(this.cacheDir, `${study.contextKey}-${stage}-${variant}${suffix}.json`);
    const useCache = this.options.cache ?? true;
    if (useCache && fs.existsSync(file)) {
      try {
        const cached = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
        if (cached.key === key) return cached.snapshot;
      } catch {
        // A torn or foreign file: synthesize again and overwrite it.
      }
    }
    this.options.onSynth?.(study, stage, variant);
    const snapshot = synthesizeSnapshot(study, stage, variant, context, extra);
    if (useCache) {
      fs.mkdirSync(this.cacheDir, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, JSON.stringify({ key, snapshot } satisfies CacheFile));
      fs.renameSync(temp, file); // atomic: a concurrent reader sees the old file or the new one
    }
    return snapshot;
  }
}

/** Synthesizes one stage with the checks on into a throwaway folder and reads what the workshop needs. */
export function synthesizeSnapshot(
  study: CaseStudyInfo,
  stage: number,
  variant: DeploymentVariant,
  context: Record<string, unknown> = variantContext(variant, stage),
  extra: Readonly<Record<string, string>> = {},
): StageSnapshot {
  const { scorecardsOf, studyApp, withReportHeldBack } = synthModules();
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-stages-'));
  try {
    const app = studyApp({ study, stage, outdir, deployable: false, context });
    const assembly = withReportHeldBack(() => app.synth());
    const template = assembly.getStackByName(study.stackName).template as StageTemplate;
    const scorecard = scorecardsOf(app).find((card) => card.stack === study.stackName);
    if (!scorecard) throw new Error(`Synth of ${study.contextKey} stage ${stage} wrote no scorecard for ${study.stackName}`);
    const info = study.stages.find((s) => s.id === stage)!;
    return {
      study: study.contextKey,
      stage,
      slug: info.slug,
      stackName: study.stackName,
      variant,
      ...(Object.keys(extra).length > 0 ? { context: { ...extra } } : {}),
      template,
      scorecard,
      resources: readResources(assembly.directory, study.stackName, template),
    };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
