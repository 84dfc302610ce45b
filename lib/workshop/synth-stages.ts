import * as fs from 'node:fs';
import * as path from 'node:path';
import { Scorecard } from '../checks/scorecard';
import { findingTally, formatPillarTable, formatStaleAcknowledgements, formatUndecided, PILLAR_TABLE_LEGEND, UNDECIDED_LEGEND } from '../checks/scorecard-table';
import { CaseStudyInfo } from '../../stages/stage-info';
import { dollars, LOAD_PROFILES, monthlyCost } from '../cost';
import { StageToSynth, synthDeployableStages } from './synth/deployable-stages';

/** What the checks said about one synthesized stage. */
export interface StageCheckSummary {
  readonly study: string;
  readonly stage: number;
  readonly slug: string;
  /** The variant's name, for a stage synthesized under extra context (`talk`). */
  readonly variant?: string;
  readonly assemblyDir: string;
  readonly resources: number;
  /** Findings per plugin that are neither fixed nor acknowledged. */
  readonly open: Record<string, number>;
  /** Findings acknowledged with a reason (the teaching stages' deliberate flaws live here). */
  readonly acknowledged: Record<string, number>;
  /** The stack's Well-Architected scorecard, as synth wrote it. */
  readonly scorecard: Scorecard;
  /** Estimated USD a month of the template under the workshop load (a deploy nobody uses: docs/cost.md). */
  readonly monthlyUsd: number;
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

/** What the checks said about a stage, read back from its assembly folder. */
export function readSummary(study: CaseStudyInfo, stage: number, assemblyDir: string, variant?: string): StageCheckSummary {
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(assemblyDir, file), 'utf8'));
  const template = read(`${study.stackName}.template.json`);
  const report: Report = read('validation-report.json');
  const scorecard: Scorecard = read(`${study.stackName}.scorecard.json`);
  const open: Record<string, number> = {};
  const acknowledged: Record<string, number> = {};
  for (const plugin of report.pluginReports) {
    open[plugin.pluginName] = countIn(plugin.violations, study.stackName);
    acknowledged[plugin.pluginName] = countIn(plugin.suppressedViolations, study.stackName);
  }
  return {
    study: study.contextKey,
    stage,
    slug: study.stages.find((s) => s.id === stage)!.slug,
    ...(variant ? { variant } : {}),
    assemblyDir,
    resources: Object.keys(template.Resources ?? {}).length,
    open,
    acknowledged,
    scorecard,
    // The workshop load prices what this template is as deployed and left idle; a variant row (the
    // talk's scale) is priced as synthesized too, so its storage shows in dollars beside its scores.
    monthlyUsd: monthlyCost(template, LOAD_PROFILES.workshop, { study: study.contextKey, stage }).total,
  };
}

/** Options of {@link synthStages}. */
export interface SynthStagesOptions {
  /** Told what is being built and synthesized. */
  readonly onProgress?: (message: string) => void;
  /**
   * Reuse assemblies whose inputs are unchanged since the last run.
   * @default true
   */
  readonly reuse?: boolean;
}

/**
 * Synthesizes every stage of the case studies into `<outRoot>/<study>-<stage>` exactly as `cdk synth`
 * does (built-in validation, rule packs, bundling), so the assemblies can also be diffed or deployed
 * offline with the CDK CLI, and reads back what the checks found.
 */
export function synthStages(
  studies: readonly CaseStudyInfo[],
  outRoot: string,
  options: SynthStagesOptions = {},
  variants: readonly StageToSynth[] = [],
): StageCheckSummary[] {
  const stages: StageToSynth[] = [...studies.flatMap((study) => study.stages.map((s) => ({ study, stage: s.id }))), ...variants];
  return synthDeployableStages(stages, outRoot, options).map((s) => readSummary(s.study, s.stage, s.assemblyDir, s.variant?.name));
}

/**
 * A stage's row label. A variant row is labelled by what it varies (the talk's scale), so it does not
 * read as the report's "talk" row, which is a different deployment (HTTPS, a live event).
 */
const labelOf = (s: StageCheckSummary) => `${s.study} ${s.stage} ${s.slug}${s.variant ? ` (${s.variant} scale)` : ''}`;

/** What the `$/month` column is, for the line under the table. */
export const COST_LEGEND = '$/month: estimated USD a month, deployed and idle (workshop load), us-east-1 (wa-stages cost)';

/**
 * A plain-text table of the summaries, three lines a stage: the six pillar scores with the findings
 * open, accepted and undecided (counted as the scorecard counts them, the same numbers `wa-stages
 * score` prints), the compliance, the coverage, and the estimated monthly bill under the workshop load
 * (`wa-stages cost`); then the legend, and every rule that could not decide.
 */
export function formatSummaries(summaries: readonly StageCheckSummary[]): string {
  const rows = summaries.map((s) => ({ label: labelOf(s), pillars: s.scorecard.pillars, findings: findingTally(s.scorecard), extra: [String(s.resources), dollars(s.monthlyUsd)] }));
  const undecided = summaries.flatMap((s) => formatUndecided([s.scorecard], () => labelOf(s)));
  const validation = summaries.filter((s) => (s.open['CloudFormation-Validate'] ?? 0) > 0).map((s) => `CloudFormation validation: ${labelOf(s)}: ${s.open['CloudFormation-Validate']} finding(s)`);
  return [
    formatPillarTable('stage', rows, ['resources', '$/month']),
    PILLAR_TABLE_LEGEND,
    COST_LEGEND,
    ...(undecided.length > 0 ? [UNDECIDED_LEGEND] : []),
    ...undecided,
    ...summaries.flatMap((s) => formatStaleAcknowledgements([s.scorecard], () => labelOf(s))),
    ...validation,
  ].join('\n');
}
