import { CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { IApplyRule, NagMessageLevel, NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { IConstruct } from 'constructs';

/** What one rule concluded about one resource (or one finding of it). */
export type Outcome = 'compliant' | 'nonCompliant' | 'acknowledged';

/** One rule applied to one resource, as the scorecard counts it. Not-applicable results are not kept. */
export interface Evaluation {
  /** The plugin that ran the rule, which is also its acknowledgement namespace (`AwsSolutions`). */
  readonly pack: string;
  /** The rule id without a finding, e.g. `AwsSolutions-IAM5` or `WA-FleetMultiAz`. */
  readonly ruleId: string;
  /** For rules that report several findings per resource, which one (`Resource::*`). */
  readonly finding?: string;
  readonly level: NagMessageLevel;
  /** Construct path of the stack the resource belongs to. */
  readonly stackPath: string;
  /** Construct path of the resource. */
  readonly resourcePath: string;
  readonly resourceType: string;
  readonly outcome: Outcome;
  /** Why the finding is accepted, for acknowledged outcomes. */
  readonly reason?: string;
  /** For acknowledged outcomes: the construct path the acknowledgement was made on (the resource or an ancestor). */
  readonly acknowledgedAt?: string;
  /** The rule threw instead of deciding (an unresolvable token); counted as a finding. */
  readonly error?: string;
}

/** The evaluations of one synth, shared by the packs of one App so the scorecard sees all of them. */
export class Ledger {
  private readonly byPack = new Map<string, Evaluation[]>();

  /** Forgets what a pack recorded, before it runs again. */
  public reset(pack: string): void {
    this.byPack.set(pack, []);
  }

  public record(evaluation: Evaluation): void {
    const list = this.byPack.get(evaluation.pack) ?? [];
    list.push(evaluation);
    this.byPack.set(evaluation.pack, list);
  }

  /** Every evaluation of every pack, in the order the packs ran. */
  public get evaluations(): readonly Evaluation[] {
    return [...this.byPack.values()].flat();
  }
}

/**
 * Where a rule is acknowledged for a resource, in either form CDK stores: namespaced
 * (`AwsSolutions::AwsSolutions-S1`, which lands in the report) or plain (which cdk-nag drops before
 * reporting). The nearest scope wins (the resource, then its ancestors); undefined when none does.
 */
export function acknowledgementOf(node: IConstruct, ruleId: string, pack: string): { readonly reason: string; readonly at: string } | undefined {
  const namespaced = `${pack.replace(/ /g, '-')}::${ruleId}`;
  for (let scope: IConstruct | undefined = node; scope; scope = scope.node.scope) {
    for (const entry of scope.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        if (id === namespaced || id.replace(/^annotation::/i, '') === ruleId) return { reason, at: scope.node.path };
      }
    }
  }
  return undefined;
}

/** One recorded result of a rule on a resource. */
function recordResult(
  ledger: Ledger,
  node: CfnResource,
  fields: { pack: string; ruleId: string; level: NagMessageLevel },
  outcome: Outcome,
  extra: { finding?: string; reason?: string; acknowledgedAt?: string; error?: string } = {},
): void {
  ledger.record({
    ...fields,
    stackPath: Stack.of(node).node.path,
    resourcePath: node.node.path,
    resourceType: node.cfnResourceType,
    outcome,
    ...extra,
  });
}

/** A finding: acknowledged when its id (with the finding, if any) is acknowledged, non-compliant otherwise. */
function recordFinding(ledger: Ledger, node: CfnResource, fields: { pack: string; ruleId: string; level: NagMessageLevel }, id: string, extra: { finding?: string; error?: string } = {}): void {
  const acknowledged = acknowledgementOf(node, id, fields.pack);
  if (acknowledged === undefined) recordResult(ledger, node, fields, 'nonCompliant', extra);
  else recordResult(ledger, node, fields, 'acknowledged', { ...extra, reason: acknowledged.reason, acknowledgedAt: acknowledged.at });
}

/**
 * Wraps a rule so every compliant, non-compliant or acknowledged result lands in the ledger; cdk-nag 3
 * itself reports only violations. The rule id suffix is pinned first, because the wrapper's own name
 * would otherwise become the id. Not-applicable results, most of them, return at once.
 */
export function recordingRule(ledger: Ledger, packName: string, pluginName: string, params: IApplyRule): IApplyRule {
  const suffix = params.ruleSuffixOverride ?? params.rule.name;
  const ruleId = `${packName}-${suffix}`;
  const original = params.rule;
  const fields = { pack: pluginName, ruleId, level: params.level };
  const rule = (node: CfnResource): NagRuleResult => {
    let result: NagRuleResult;
    try {
      result = original(node);
    } catch (error) {
      recordFinding(ledger, node, fields, ruleId, { error: (error as Error).message });
      throw error; // cdk-nag reports it under the rule's own id
    }
    if (result === NagRuleCompliance.NOT_APPLICABLE) return result;
    if (Array.isArray(result)) {
      if (result.length === 0) recordResult(ledger, node, fields, 'compliant');
      for (const finding of result) recordFinding(ledger, node, fields, `${ruleId}[${finding}]`, { finding });
    } else if (result === NagRuleCompliance.COMPLIANT) {
      recordResult(ledger, node, fields, 'compliant');
    } else if (result === NagRuleCompliance.NON_COMPLIANT) {
      recordFinding(ledger, node, fields, ruleId);
    }
    return result;
  };
  return { ...params, ruleSuffixOverride: suffix, rule };
}
