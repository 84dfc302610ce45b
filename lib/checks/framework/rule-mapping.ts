import mapping from './rule-mapping.json';
import { FRAMEWORK_VERSION } from './best-practices';

/** One best practice a rule gives evidence for, and where that link comes from. */
export interface RuleBestPractice {
  /** Best-practice id in the pinned framework version. */
  readonly bp: string;
  /**
   * The mapping source: `GR` (AWS Guard rules registry, Well-Architected rule sets, with the AWS
   * Config rule and the registry's control), `CP-REL`/`CP-SEC` (AWS Config Well-Architected
   * conformance packs), `SP` (turbot/steampipe-mod-aws-well-architected, re-keyed by title to the
   * pinned numbering), `SS` (awslabs/sustainability-scanner), `project` (this project's own review).
   */
  readonly source: string;
}

/** A hand-reviewed row of the mapping: the best practices a rule evidences, or why it evidences none. */
export interface RuleMapping {
  readonly bestPractices: readonly RuleBestPractice[];
  /** Why a rule that is evaluated maps to no best practice (required when `bestPractices` is empty). */
  readonly note?: string;
}

interface MappingFile {
  readonly frameworkVersion: string;
  readonly rules: Record<string, RuleMapping>;
}

const MAPPING = mapping as MappingFile;
if (MAPPING.frameworkVersion !== FRAMEWORK_VERSION) {
  throw new Error(`rule-mapping.json is for framework ${MAPPING.frameworkVersion}, the catalog is ${FRAMEWORK_VERSION}`);
}

/** The rule id a finding belongs to: `AwsSolutions-IAM5[Resource::*]` → `AwsSolutions-IAM5`. */
export function baseRuleId(ruleName: string): string {
  return ruleName.replace(/\[.*\]$/, '');
}

/** The mapping row of a rule (or one of its findings); undefined when the rule is not mapped at all. */
export function mappingOfRule(ruleName: string): RuleMapping | undefined {
  return MAPPING.rules[baseRuleId(ruleName)];
}

/** The best practices a rule (or one of its findings) evidences; empty when it is unmapped or maps to none. */
export function bestPracticesOfRule(ruleName: string): readonly RuleBestPractice[] {
  return mappingOfRule(ruleName)?.bestPractices ?? [];
}

/** Every mapped rule id, with its row. */
export function allRuleMappings(): Readonly<Record<string, RuleMapping>> {
  return MAPPING.rules;
}
