import * as fs from 'node:fs';
import * as path from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** The parts of `validation-report.json` the tests read. */
export interface ValidationReport {
  readonly pluginReports: Array<{
    readonly pluginName: string;
    readonly violations: Array<{
      ruleName: string;
      severity: string;
      ruleMetadata?: Record<string, string>;
      violatingConstructs: Array<{ constructPath: string }>;
    }>;
    readonly suppressedViolations?: Array<{
      ruleName: string;
      severity: string;
      ruleMetadata?: Record<string, string>;
      acknowledgedId: string;
      reason: string;
      acknowledgedAt: string;
      violatingConstructs: Array<{ constructPath: string }>;
    }>;
  }>;
}

/** Reads the report CDK writes next to the templates at synth. */
export function readValidationReport(assemblyDir: string): ValidationReport {
  return JSON.parse(fs.readFileSync(path.join(assemblyDir, 'validation-report.json'), 'utf8'));
}

/** Every acknowledgement of a plugin's rules in the tree, as `<construct path> <id>`. */
export function acknowledgementsIn(root: IConstruct, plugin: string): string[] {
  const found: string[] = [];
  for (const construct of root.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const id of Object.keys(entry.data as Record<string, string>)) {
        if (id.startsWith(`${plugin}::`)) found.push(`${construct.node.path} ${id}`);
      }
    }
  }
  return found;
}
