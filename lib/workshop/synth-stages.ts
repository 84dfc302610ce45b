import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeApp } from '../app/make-app';
import { addPlatforms } from '../app/platforms';
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
    const assembly = app.synth();
    const template = assembly.getStackByName(study.stackName).template;
    const report: Report = JSON.parse(fs.readFileSync(path.join(assembly.directory, 'validation-report.json'), 'utf8'));
    const open: Record<string, number> = {};
    const acknowledged: Record<string, number> = {};
    for (const plugin of report.pluginReports) {
      open[plugin.pluginName] = countIn(plugin.violations, study.stackName);
      acknowledged[plugin.pluginName] = countIn(plugin.suppressedViolations, study.stackName);
    }
    return {
      study: study.contextKey,
      stage: stage.id,
      slug: `${stage.slug}${variant ? ` (${variant.name})` : ''}`,
      assemblyDir,
      resources: Object.keys(template.Resources ?? {}).length,
      open,
      acknowledged,
    };
  });
}

/** A plain-text table of the summaries, one stage a row. */
export function formatSummaries(summaries: readonly StageCheckSummary[]): string {
  const rows = summaries.map((s) => [
    `${s.study} ${s.stage} ${s.slug}`,
    String(s.resources),
    String(s.open.AwsSolutions ?? 0),
    String(s.acknowledged.AwsSolutions ?? 0),
    String(s.open['CloudFormation-Validate'] ?? 0),
  ]);
  const header = ['stage', 'resources', 'AwsSolutions open', 'acknowledged', 'CFN validate warnings'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
