import { makeApp } from '../../lib/app/make-app';
import { addPlatforms } from '../../lib/app/platforms';
import { acknowledgementsIn, readValidationReport, ValidationReport } from '../support/validation-report';

/**
 * The real synth, as `cdk synth` runs it: built-in CloudFormation validation with
 * validateAgainstDefaultRules on (errors fail synth), the AWS Solutions pack, and asset bundling with
 * the local esbuild. The slow path, so each stage number is synthesized once, for both case studies.
 */
const STAGES = [1, 2, 3, 4, 5];
const PACKS = ['AwsSolutions', 'WellArchitected'];
const results = new Map<number, { report: ValidationReport; acknowledged: string[] }>();
beforeAll(() => {
  for (const id of STAGES) {
    const app = makeApp({ context: { video: id, iot: id } });
    addPlatforms(app);
    const assembly = app.synth();
    results.set(id, { report: readValidationReport(assembly.directory), acknowledged: PACKS.flatMap((p) => acknowledgementsIn(app, p)) });
  }
}, 90_000);

const plugin = (id: number, name: string) => results.get(id)!.report.pluginReports.find((p) => p.pluginName === name);

describe.each(STAGES)('stage %i of both case studies at full synth', (id) => {
  test('built-in CloudFormation validation reports no error', () => {
    const errors = (plugin(id, 'CloudFormation-Validate')?.violations ?? []).filter((v) => ['error', 'fatal'].includes(v.severity));
    expect(errors).toEqual([]);
  });

  test('every AWS Solutions finding is fixed or acknowledged with a reason', () => {
    const aws = plugin(id, 'AwsSolutions')!;
    expect(aws.violations.map((v) => `${v.ruleName} ${v.violatingConstructs.map((c) => c.constructPath)}`)).toEqual([]);
    for (const suppressed of aws.suppressedViolations ?? []) {
      expect(suppressed.acknowledgedId).toMatch(/^AwsSolutions::/);
      expect(suppressed.reason.length).toBeGreaterThanOrEqual(20);
    }
  });

  test('every Well-Architected finding carries its pillars and best practices, and accepted ones a namespaced reason', () => {
    const wa = plugin(id, 'WellArchitected')!;
    for (const finding of [...wa.violations, ...(wa.suppressedViolations ?? [])]) {
      expect(finding.ruleMetadata?.bestPractices).toMatch(/^[A-Z]+\d\d-BP\d\d/);
      expect(finding.severity).toBe('warning');
    }
    for (const suppressed of wa.suppressedViolations ?? []) {
      expect(suppressed.acknowledgedId).toMatch(/^WellArchitected::/);
      expect(suppressed.reason.length).toBeGreaterThanOrEqual(20);
    }
  });

  test('no acknowledgement is stale: each one matches a finding of this stage', () => {
    const used = new Set(
      PACKS.flatMap((p) => plugin(id, p)!.suppressedViolations ?? []).map((s) => `${s.acknowledgedAt} ${s.acknowledgedId}`),
    );
    expect(results.get(id)!.acknowledged.filter((ack) => !used.has(ack))).toEqual([]);
  });
});
