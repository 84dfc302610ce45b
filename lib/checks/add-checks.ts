import { App, Validations } from 'aws-cdk-lib';
import { ReportOnlyAwsSolutionsChecks } from './report-only';

/**
 * Registers the rule packs that run at every synth. The Well-Architected pack and its per-pillar
 * scorecard join the AWS Solutions pack here.
 */
export function addWellArchitectedChecks(app: App): void {
  Validations.of(app).addPlugins(new ReportOnlyAwsSolutionsChecks(app));
}
