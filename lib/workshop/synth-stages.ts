import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeApp } from '../app/make-app';
import { addPlatforms } from '../app/platforms';
import { scorecardsOf } from '../checks/add-checks';
import { PILLAR_LABEL, PILLARS } from '../checks/framework/pillars';
import { Scorecard } from '../checks/scorecard';
import { formatColumns, scoreCell } from '../checks/scorecard-table';
import { CaseStudyInfo } from '../../stages/stage-info';

/** What the checks said about one synthesized stage. */
export interface StageCheckSummary {
  readonly study: string;
  readonly stage: number;
  readonly slug: string;
  readonly assemblyDir: string;
  readonly resources: number;
  /** Findings per plugin that are neither fixed nor acknowledged. */
  readonly open: Record<string, number>;
  /** Findings acknowledged with a reason (the teaching stages' deliberate flaws live here). */
  readonly acknowledged: Record<string, number>;
  /** The stack's Well-Architected scorecard, as synth wrote it. */
  readonly scorecard: Scorecard;
}

interface Finding {
  violatingConstructs?: Array<{ constructPath?: string }>;
}

interface Report {
  pluginReports: Array<{ pluginName: string; violations: Finding[]; suppressedViolations?: Finding[] }>;
}

/** Findings on constructs of one stack (a report covers every stack of the App). */
function countIn(findings: Finding[] | undefined, stackName: string): number {
  return (findings ?? [])
    .flatMap((f) => f.violatingConstructs ?? [])
    .filter((c) => c.constructPath?.startsWith(`${stackName}/`)).length;
}

/** Extra context for some stages, synthesized as a row of its own (e.g. the talk's scale). */
export interface StageVariant {
  /** Suffix of the row and the assembly folder, e.g. `talk`. */
  readonly name: string;
  readonly stages: readonly number[];
  readonly context: Record<string, unknown>;
}

/**
 * Runs a synth with CDK's printed validation report held back: every finding is in the assembly's
 * validation-report.json and scorecard anyway. What was held back is printed if synth fails.
 */
function withReportHeldBack<T>(synth: () => T): T {
  const held: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void held.push(args);
  try {
    return synth();
  } catch (error) {
    for (const args of held) original(...args);
    throw error;
  } finally {
    console.error = original;
  }
}

/**
 * Synthesizes every stage of a case study (or a variant's stages) into `<outRoot>/<study>-<stage>`
 * exactly as `cdk synth` does (built-in validation, rule packs, bundling), so the assemblies can also be
 * diffed offline.
 */
export function synthStages(study: CaseStudyInfo, outRoot: string, variant?: StageVariant): StageCheckSummary[] {
  const stages = variant ? study.stages.filter((s) => variant.stages.includes(s.id)) : study.stages;
  return stages.map((stage) => {
    const suffix = variant ? `-${variant.name}` : '';
    const assemblyDir = path.join(outRoot, `${study.contextKey}-${stage.id}${suffix}`);
    fs.rmSync(assemblyDir, { recursive: true, force: true });
    const app = makeApp({ outdir: assemblyDir, context: { ...variant?.context, [study.contextKey]: stage.id } });
    addPlatforms(app);
    const assembly = withReportHeldBack(() => app.synth());
    const template = assembly.getStackByName(study.stackName).template;
    const report: Report = JSON.parse(fs.readFileSync(path.join(assembly.directory, 'validation-report.json'), 'utf8'));
    const open: Record<string, number> = {};
    const acknowledged: Record<string, number> = {};
    for (const plugin of report.pluginReports) {
      open[plugin.pluginName] = countIn(plugin.violations, study.stackName);
      acknowledged[plugin.pluginName] = countIn(plugin.suppressedViolations, study.stackName);
    }
    const scorecard = scorecardsOf(app).find((card) => card.stack === study.stackName);
    if (!scorecard) {
      throw new Error(`Synth of ${study.contextKey} stage ${stage.id} wrote no scorecard for ${study.stackName}`);
    }
    return {
      study: study.contextKey,
      stage: stage.id,
      slug: `${stage.slug}${variant ? ` (${variant.name})` : ''}`,
      assemblyDir,
      resources: Object.keys(template.Resources ?? {}).length,
      open,
      acknowledged,
      scorecard,
    };
  });
}

/** A plain-text table of the summaries, one stage a row: the six pillar scores, then the findings. */
export function formatSummaries(summaries: readonly StageCheckSummary[]): string {
  const rows = summaries.map((s) => [
    `${s.study} ${s.stage} ${s.slug}`,
    String(s.resources),
    ...PILLARS.map((p) => scoreCell(s.scorecard.pillars[p].score)),
    String((s.open.AwsSolutions ?? 0) + (s.open.WellArchitected ?? 0)),
    String((s.acknowledged.AwsSolutions ?? 0) + (s.acknowledged.WellArchitected ?? 0)),
    String(s.open['CloudFormation-Validate'] ?? 0),
  ]);
  const header = ['stage', 'resources', ...PILLARS.map((p) => PILLAR_LABEL[p]), 'open', 'accepted', 'CFN validate'];
  return formatColumns(header, rows);
}
