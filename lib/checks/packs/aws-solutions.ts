import { IPolicyValidationContext, PolicyValidationPluginReport } from 'aws-cdk-lib';
import { AwsSolutionsChecks, IApplyRule, NagPackProps } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { PackRecorder, RecordingOptions } from './recording';

/**
 * cdk-nag's AWS Solutions pack, unchanged in what it checks, with every result recorded for the
 * Well-Architected scorecard and its findings tagged with pillars and best practices.
 */
export class RecordedAwsSolutionsChecks extends AwsSolutionsChecks {
  private readonly recorder: PackRecorder;

  constructor(scope: IConstruct | undefined, options: RecordingOptions, props?: NagPackProps) {
    super(scope, props);
    this.recorder = new PackRecorder(options, this.name);
  }

  public validateScope(scope: IConstruct): PolicyValidationPluginReport {
    this.recorder.starting();
    return super.validateScope(scope);
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    return this.recorder.finished(super.validate(context), context);
  }

  protected applyRule(params: IApplyRule): void {
    super.applyRule(this.recorder.wrap(this.readPackName, params));
  }
}
