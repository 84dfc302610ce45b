import { AwsSolutionsChecks, NagPackProps } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { Recording, RecordingOptions } from './recording';

/**
 * cdk-nag's AWS Solutions pack, unchanged in what it checks, with every result recorded for the
 * Well-Architected scorecard and its findings tagged with pillars and best practices.
 */
export class RecordedAwsSolutionsChecks extends Recording(AwsSolutionsChecks) {
  constructor(scope: IConstruct | undefined, options: RecordingOptions, props?: NagPackProps) {
    super(scope, props);
    this.recording = options;
  }
}
