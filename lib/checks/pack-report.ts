import * as path from 'node:path';
import { PolicyValidationPluginReport, PolicyViolation } from 'aws-cdk-lib';
import { bestPractice, FRAMEWORK_VERSION } from './framework/best-practices';
import { bestPracticesOfRule } from './framework/rule-mapping';

/** How a pack's findings affect synth. */
export interface PackMode {
  /**
   * Fail synth on any unacknowledged error-level finding (for a team adopting the final
   * architecture). Otherwise every finding is a warning: the teaching stages are meant to show their
   * flaws and still synthesize.
   */
  readonly strict: boolean;
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
export function finishReport(report: PolicyValidationPluginReport, mode: PackMode): PolicyValidationPluginReport {
  const violations = report.violations.map((violation) => ({
    ...violation,
    severity: mode.strict ? violation.severity : 'warning',
    ruleMetadata: { ...violation.ruleMetadata, ...waRuleMetadata(violation.ruleName) },
  }));
  const failing = violations.filter((v) => v.severity === 'error');
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

function reportStrictFailures(failing: readonly PolicyViolation[]): void {
  const lines = strictFailureLines(failing);
  process.once('exit', () => process.stderr.write(`\nStrict mode: ${lines.length} error-level finding(s) failed synth (stack: rule on resource):\n${lines.join('\n')}\n`));
}
