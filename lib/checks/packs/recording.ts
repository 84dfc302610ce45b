import { IPolicyValidationContext, PolicyValidationPluginReport } from 'aws-cdk-lib';
import { IApplyRule } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { acknowledgementOf, Ledger, recordingRule } from '../ledger';
import { finishReport, StrictMode } from '../pack-report';

/** What a recording pack needs besides cdk-nag's own props. */
export interface RecordingOptions {
  /** Where every evaluation goes; packs of one App share one, so the scorecard sees them all. */
  readonly ledger: Ledger;
  /**
   * Fail synth on unacknowledged error-level findings (`true`) or on any unacknowledged finding
   * (`'warnings'`).
   * @default false - every finding is a warning
   */
  readonly strict?: StrictMode;
  /**
   * Called once the pack has checked the App at synth, with the same context (the scorecard is
   * written from here).
   * @default - nothing
   */
  readonly onValidated?: (context: IPolicyValidationContext) => void;
}

/**
 * What turns a cdk-nag pack into one that keeps every result (compliant, non-compliant,
 * acknowledged) in a ledger, tags each finding with its pillars and best practices, and only fails
 * synth in strict mode. Each recording pack delegates its `validateScope`, `validate` and `applyRule`
 * here, so the stock AWS Solutions pack and this project's own pack behave the same way.
 */
export class PackRecorder {
  /** Wrapped rules, made once per rule and level: a pack applies each rule to every resource. */
  private readonly wrapped = new Map<IApplyRule['rule'], Map<string, IApplyRule['rule']>>();

  constructor(
    private readonly options: RecordingOptions,
    private readonly pluginName: string,
  ) {}

  /** Before the pack walks a tree: a fresh record for this pack. */
  public starting(): void {
    this.options.ledger.reset(this.pluginName);
  }

  /**
   * The rule, wrapped so its every result is recorded under the pack's rule id. The parameters are a
   * fresh object per call (the pack builds them for one resource), so they are changed in place:
   * packs call this for every rule and every resource.
   */
  public wrap(packName: string, params: IApplyRule): IApplyRule {
    const suffix = params.ruleSuffixOverride ?? params.rule.name;
    let byKey = this.wrapped.get(params.rule);
    if (!byKey) {
      byKey = new Map();
      this.wrapped.set(params.rule, byKey);
    }
    const key = `${params.level}|${suffix}`;
    let rule = byKey.get(key);
    if (!rule) {
      rule = recordingRule(this.options.ledger, packName, this.pluginName, params).rule;
      byKey.set(key, rule);
    }
    const wrapped = params as { -readonly [K in keyof IApplyRule]: IApplyRule[K] };
    wrapped.ruleSuffixOverride = suffix;
    wrapped.rule = rule;
    return wrapped;
  }

  /** After synth has run the pack: the report in this project's form, then the callback. */
  public finished(report: PolicyValidationPluginReport, context: IPolicyValidationContext): PolicyValidationPluginReport {
    const root = (context as { appConstruct?: IConstruct }).appConstruct;
    const byPath = root ? new Map(root.node.findAll().map((c) => [c.node.path, c] as const)) : new Map<string, IConstruct>();
    const acknowledged = (ruleName: string, constructPath: string | undefined) => {
      const node = constructPath === undefined ? undefined : byPath.get(constructPath);
      return node !== undefined && acknowledgementOf(node, ruleName, this.pluginName) !== undefined;
    };
    const finished = finishReport(report, { strict: this.options.strict ?? false }, acknowledged);
    this.options.onValidated?.(context);
    return finished;
  }
}
