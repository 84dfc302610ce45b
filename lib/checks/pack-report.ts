import * as path from 'node:path';
import { PolicyValidationPluginReport, PolicyViolation } from 'aws-cdk-lib';
import { bestPractice, FRAMEWORK_VERSION } from './framework/best-practices';
import { bestPracticesOfRule } from './framework/rule-mapping';

/**
 * When findings fail synth: `false`, never (every finding is a warning: the teaching stages are meant
 * to show their flaws and still synthesize); `true`, on any unacknowledged error-level finding (for a
 * team adopting a final architecture); `'warnings'`, on any unacknowledged finding at all, the gate
 * for a team that has fixed or acknowledged everything the packs report.
 */
export type StrictMode = boolean | 'warnings';

/** How a pack's findings affect synth. */
export interface PackMode {
  readonly strict: StrictMode;
}

/** A finding's severity in the report under a strict mode. */
function severityUnder(strict: StrictMode, severity: string | undefined): string | undefined {
  if (strict === 'warnings') return 'error';
  return strict ? severity : 'warning';
}

/** The pillars and best practices behind a rule, as `ruleMetadata` strings (the report allows no lists). */
export function waRuleMetadata(ruleName: string): Record<string, string> {
  const mapped = bestPracticesOfRule(ruleName);
  const pillars = [...new Set(mapped.map((m) => bestPractice(m.bp).pillar))];
  return {
    pillars: pillars.join(','),
    bestPractices: mapped.map((m) => m.bp).join(','),
    frameworkVersion: FRAMEWORK_VERSION,
  };
}

/**
 * Tags every finding with its pillars and best practices, and applies the mode: cdk-nag 3 fails
 * synth on any finding whatever its level, so outside strict mode every finding becomes a warning.
 */
export function finishReport(
  report: PolicyValidationPluginReport,
  mode: PackMode,
  acknowledged: (ruleName: string, constructPath: string | undefined) => boolean = () => false,
): PolicyValidationPluginReport {
  const violations = report.violations.map((violation) => ({
    ...violation,
    severity: severityUnder(mode.strict, violation.severity),
    ruleMetadata: { ...violation.ruleMetadata, ...waRuleMetadata(violation.ruleName) },
  }));
  // CDK moves acknowledged findings out of the report after the plugins run; they fail nothing.
  const failing = violations
    .filter((v) => v.severity === 'error')
    .map((v) => ({ ...v, violatingResources: v.violatingResources.filter((r) => !acknowledged(v.ruleName, (r as { constructPath?: string }).constructPath)) }))
    .filter((v) => v.violatingResources.length > 0);
  if (failing.length > 0) reportStrictFailures(failing);
  return {
    ...report,
    success: failing.length === 0,
    violations,
  };
}

/**
 * One line per finding that fails strict mode: stack, rule and resource. CDK's report lists every
 * warning too, and under the cdk CLI the errors are easily lost among them, so these lines come last,
 * when the process exits after synth has failed.
 */
export function strictFailureLines(failing: readonly PolicyViolation[]): string[] {
  return failing.flatMap((v) =>
    v.violatingResources.map((r) => {
      const { templatePath, constructPath } = r as { templatePath?: string; constructPath?: string };
      const stack = constructPath?.split('/')[0] ?? path.basename(templatePath ?? '?').replace(/\.template\.json$/, '');
      return `  ${stack}: ${v.ruleName} on ${constructPath ?? r.resourceLogicalId}`;
    }),
  );
}

/** Lines waiting for the process to exit; one exit hook however many synths fail in a process. */
let pendingStrictLines: string[] | undefined;

function reportStrictFailures(failing: readonly PolicyViolation[]): void {
  if (!pendingStrictLines) {
    const lines: string[] = (pendingStrictLines = []);
    process.once('exit', () => process.stderr.write(`\nStrict mode: ${lines.length} finding(s) failed synth (stack: rule on resource):\n${lines.join('\n')}\n`));
  }
  pendingStrictLines.push(...strictFailureLines(failing));
}
