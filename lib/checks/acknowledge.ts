import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** A finding this project accepts on purpose, and why. */
export interface Acknowledgement {
  /** The rule as the pack reports it, e.g. `AwsSolutions-EC23` or `AwsSolutions-IAM5[Action::s3:*]`. */
  readonly rule: string;
  /** Why the finding is accepted: the lesson it teaches, or the constraint that forces it. */
  readonly reason: string;
  /**
   * The validation plugin that reports the rule.
   * @default - the rule's prefix before the first `-` (`AwsSolutions` for `AwsSolutions-EC23`)
   */
  readonly plugin?: string;
}

/**
 * Acknowledges findings on a construct and everything below it, in the namespaced form
 * (`AwsSolutions::AwsSolutions-EC23`). The plain form is filtered inside cdk-nag and never reaches the
 * validation report; the namespaced one lands in `suppressedViolations` with its reason, so every
 * accepted flaw stays visible to a reviewer.
 */
export function acknowledge(scope: IConstruct, ...acknowledgements: Acknowledgement[]): void {
  for (const { rule, reason, plugin } of acknowledgements) {
    if (reason.trim().length < 20) {
      throw new Error(`Acknowledgement of ${rule} needs a reason a reviewer would accept, got '${reason}'`);
    }
    const namespace = plugin ?? rule.slice(0, rule.indexOf('-'));
    Validations.of(scope).acknowledge({ id: `${namespace}::${rule}`, reason });
  }
}
