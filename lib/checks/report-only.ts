import { IPolicyValidationContext, PolicyValidationPluginReport } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NagPackProps } from 'cdk-nag';
import { IConstruct } from 'constructs';

/**
 * Turns a report into a non-blocking one: every finding is kept, printed as a warning, and synth goes
 * on. cdk-nag 3 fails synth on any finding, whatever its level; the teaching stages are meant to show
 * their flaws and still deploy, so the findings are the lesson, not a gate.
 */
export function asWarnings(report: PolicyValidationPluginReport): PolicyValidationPluginReport {
  return {
    ...report,
    success: true,
    violations: report.violations.map((violation) => ({ ...violation, severity: 'warning' })),
  };
}

/** AWS Solutions checks that report findings as warnings instead of failing synth. */
export class ReportOnlyAwsSolutionsChecks extends AwsSolutionsChecks {
  constructor(scope?: IConstruct, props?: NagPackProps) {
    super(scope, props);
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    return asWarnings(super.validate(context));
  }
}
