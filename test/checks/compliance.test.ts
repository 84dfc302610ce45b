import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CloudFormationValidatePlugin, PolicyValidationPluginReport } from 'aws-cdk-lib';
import { Scorecard } from '../../lib/checks/scorecard';
import { synthDeployableStages } from '../../lib/workshop/synth/deployable-stages';
import { IOT_PLATFORM } from '../../stages/iot/registry';
import { VIDEO_PLATFORM } from '../../stages/video/registry';
import { acknowledgementsIn, readValidationReport, ValidationReport } from '../support/validation-report';

/**
 * The real synth, as `cdk synth <stack>` runs it: built-in CloudFormation validation with
 * validateAgainstDefaultRules on (errors fail synth), both rule packs, and asset bundling with the
 * local esbuild, through the path `npm run check` takes (one validation engine and one bundle of each
 * asset for all stages; test/workshop/deployable-stages.test.ts holds it to a plain synth).
 */
const STAGES = [VIDEO_PLATFORM, IOT_PLATFORM].flatMap((study) => study.stages.map((s) => ({ study, stage: s.id })));
const PACKS = ['AwsSolutions', 'WellArchitected'];
const results = new Map<string, { report: ValidationReport; scorecard: Scorecard; acknowledged: string[]; templateValidation: PolicyValidationPluginReport[] }>();
let outRoot: string;

beforeAll(() => {
  outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-compliance-'));
  // The template validation plugin's own report: CDK's report file leaves a plugin out when it found nothing.
  const validation = jest.spyOn(CloudFormationValidatePlugin.prototype, 'validate');
  let seen = 0;
  try {
    synthDeployableStages(STAGES, outRoot, {
      reuse: false,
      onSynthesized: (s, app) => {
        // Calls since the last stage on this stack's template (not the engine's priming).
        const calls = validation.mock.calls
          .map(([context], i) => ({ context, report: validation.mock.results[i].value as PolicyValidationPluginReport }))
          .slice(seen)
          .filter(({ context }) => context.stackTemplates.some((t) => t.stackConstructPath === s.study.stackName))
          .map(({ report }) => report);
        seen = validation.mock.calls.length;
        results.set(`${s.study.contextKey} ${s.stage}`, {
          report: readValidationReport(s.assemblyDir),
          scorecard: JSON.parse(fs.readFileSync(path.join(s.assemblyDir, `${s.study.stackName}.scorecard.json`), 'utf8')),
          acknowledged: PACKS.flatMap((p) => acknowledgementsIn(app, p)),
          templateValidation: calls,
        });
      },
    });
  } finally {
    validation.mockRestore();
  }
}, 120_000);

afterAll(() => fs.rmSync(outRoot, { recursive: true, force: true }));

const plugin = (stage: string, name: string) => results.get(stage)!.report.pluginReports.find((p) => p.pluginName === name);

describe.each(STAGES.map((s) => `${s.study.contextKey} ${s.stage}`))('%s at full synth', (stage) => {
  test('built-in CloudFormation validation ran on the template and reports no error', () => {
    const reports = results.get(stage)!.templateValidation;
    expect(reports).toHaveLength(1);
    const errors = reports[0].violations.filter((v) => ['error', 'fatal'].includes(v.severity ?? ''));
    expect(errors).toEqual([]);
    const inFile = plugin(stage, 'CloudFormation-Validate')?.violations ?? [];
    expect(inFile.filter((v) => ['error', 'fatal'].includes(v.severity))).toEqual([]);
  });

  test('every AWS Solutions finding is fixed or acknowledged with a reason', () => {
    const aws = plugin(stage, 'AwsSolutions')!;
    expect(aws.violations.map((v) => `${v.ruleName} ${v.violatingConstructs.map((c) => c.constructPath)}`)).toEqual([]);
    for (const suppressed of aws.suppressedViolations ?? []) {
      expect(suppressed.acknowledgedId).toMatch(/^AwsSolutions::/);
      expect(suppressed.reason.length).toBeGreaterThanOrEqual(20);
    }
  });

  test('every Well-Architected finding carries its pillars and best practices, and accepted ones a namespaced reason', () => {
    const wa = plugin(stage, 'WellArchitected')!;
    for (const finding of [...wa.violations, ...(wa.suppressedViolations ?? [])]) {
      expect(finding.ruleMetadata?.bestPractices).toMatch(/^[A-Z]+\d\d-BP\d\d/);
      expect(finding.severity).toBe('warning');
    }
    for (const suppressed of wa.suppressedViolations ?? []) {
      expect(suppressed.acknowledgedId).toMatch(/^WellArchitected::/);
      expect(suppressed.reason.length).toBeGreaterThanOrEqual(20);
    }
  });

  test("the scorecard counts the packs' findings the report lists, open and accepted", () => {
    const count = (key: 'violations' | 'suppressedViolations') =>
      PACKS.flatMap((p) => plugin(stage, p)![key] ?? []).flatMap((f) => f.violatingConstructs).length;
    expect(results.get(stage)!.scorecard.findings).toEqual({ open: count('violations'), accepted: count('suppressedViolations') });
  });

  test("every Lambda function's code asset holds the file its handler names", () => {
    const [study, id] = stage.split(' ');
    const dir = path.join(outRoot, `${study}-${id}`);
    const stackName = STAGES.find((s) => s.study.contextKey === study)!.study.stackName;
    const template = JSON.parse(fs.readFileSync(path.join(dir, `${stackName}.template.json`), 'utf8'));
    const functions = Object.values<{ Type: string; Properties: { Handler?: string; Code: { S3Key?: unknown } } }>(template.Resources).filter(
      (r) => r.Type === 'AWS::Lambda::Function' && typeof r.Properties.Code.S3Key === 'string',
    );
    expect(functions.length).toBeGreaterThan(0);
    const missing = functions
      .map((f) => ({ folder: path.join(dir, `asset.${(f.Properties.Code.S3Key as string).replace(/\.zip$/, '')}`), module: f.Properties.Handler!.replace(/\.[^.]+$/, '') }))
      .filter(({ folder, module }) => !['.js', '.mjs', '.cjs'].some((ext) => fs.existsSync(path.join(folder, `${module}${ext}`))))
      .map(({ folder, module }) => `${path.basename(folder)}/${module}`);
    expect(missing).toEqual([]);
  });

  test('no acknowledgement is stale: each one matches a finding of this stage', () => {
    const used = new Set(
      PACKS.flatMap((p) => plugin(stage, p)!.suppressedViolations ?? []).map((s) => `${s.acknowledgedAt} ${s.acknowledgedId}`),
    );
    expect(results.get(stage)!.acknowledged.filter((ack) => !used.has(ack))).toEqual([]);
  });
});
