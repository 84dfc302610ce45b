import { IPolicyValidationContext, PolicyValidationPluginReport } from 'aws-cdk-lib';
import { IApplyRule, NagPack } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { Ledger, recordingRule } from '../ledger';
import { finishReport } from '../pack-report';

/** What a recording pack needs besides cdk-nag's own props. */
export interface RecordingOptions {
  /** Where every evaluation goes; packs of one App share one, so the scorecard sees them all. */
  readonly ledger: Ledger;
  /**
   * Fail synth on unacknowledged error-level findings.
   * @default false - every finding is a warning
   */
  readonly strict?: boolean;
  /**
   * Called once the pack has checked the App at synth, with the same context (the scorecard is
   * written from here).
   * @default - nothing
   */
  readonly onValidated?: (context: IPolicyValidationContext) => void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type NagPackClass = abstract new (...args: any[]) => NagPack;

/**
 * Turns a cdk-nag pack into one that keeps every result (compliant, non-compliant, acknowledged) in a
 * ledger, tags each finding with its pillars and best practices, and only fails synth in strict mode.
 * A mixin, so the stock AWS Solutions pack and this project's own pack behave the same way.
 */
export function Recording<TBase extends NagPackClass>(Base: TBase) {
  abstract class RecordingPack extends Base {
    declare protected recording: RecordingOptions;

    /** Checks a construct tree without synth (unit tests), starting a fresh record for this pack. */
    public validateScope(scope: IConstruct): PolicyValidationPluginReport {
      this.recording.ledger.reset(this.name);
      return super.validateScope(scope);
    }

    public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
      const report = finishReport(super.validate(context), { strict: this.recording.strict ?? false });
      this.recording.onValidated?.(context);
      return report;
    }

    protected applyRule(params: IApplyRule): void {
      super.applyRule(recordingRule(this.recording.ledger, this.readPackName, this.name, params));
    }
  }
  return RecordingPack;
}
