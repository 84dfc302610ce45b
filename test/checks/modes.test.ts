import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeApp } from '../../lib/app/make-app';
import { addPlatforms } from '../../lib/app/platforms';
import { scorecardsOf } from '../../lib/checks/add-checks';
import { quietSynth } from '../support/quiet-synth';
import { readValidationReport } from '../support/validation-report';

/** Both case studies at one stage number, synthesized with the packs on (no bundling, no template validation). */
function synthStages(stage: number, context: Record<string, unknown> = {}) {
  const app = makeApp({ context: { video: stage, iot: stage, ...context }, cloudFormationValidation: false, bundling: false });
  addPlatforms(app);
  return { app, assembly: quietSynth(app) };
}

describe('how the checks affect synth', () => {
  test('by default findings never block a teaching stage: the monolith synthesizes with every finding a warning', () => {
    const { assembly } = synthStages(1);
    const wa = readValidationReport(assembly.directory).pluginReports.find((p) => p.pluginName === 'WellArchitected')!;
    expect(wa.violations.length).toBeGreaterThan(0);
    expect(wa.violations.every((v) => v.severity === 'warning')).toBe(true);
  });

  test.each([5])('strict mode: stage %i of both case studies passes (every error-level finding is fixed or acknowledged)', (stage) => {
    expect(() => synthStages(stage, { strict: 'true' })).not.toThrow();
  });

  test('strict mode fails a teaching stage that has unacknowledged error-level findings (the monolith serves plain HTTP)', () => {
    expect(() => synthStages(1, { strict: true })).toThrow(/ERROR .*\n.*Http\/Resource[^]*WellArchitected::WellArchitected-TlsCertificateManaged/);
  });

  test('checks=false skips both packs and writes no scorecard', () => {
    const { app, assembly } = synthStages(3, { checks: 'false' });
    const reportFile = path.join(assembly.directory, 'validation-report.json');
    const plugins = fs.existsSync(reportFile) ? readValidationReport(assembly.directory).pluginReports.map((p) => p.pluginName) : [];
    expect(plugins).not.toContain('WellArchitected');
    expect(plugins).not.toContain('AwsSolutions');
    expect(scorecardsOf(app)).toEqual([]);
    expect(fs.readdirSync(assembly.directory).filter((f) => f.endsWith('.scorecard.json'))).toEqual([]);
  });

  test('with the checks on, synth writes <StackName>.scorecard.json next to each template', () => {
    const { assembly } = synthStages(2);
    for (const stack of ['VideoPlatform', 'IotPlatform']) {
      const card = JSON.parse(fs.readFileSync(path.join(assembly.directory, `${stack}.scorecard.json`), 'utf8'));
      expect(card).toMatchObject({ schemaVersion: 1, stack, stage: 2, frameworkVersion: '2024-06-27' });
    }
  });

  test.each([
    ['strict', 'yes', 'true, false or warnings'],
    ['checks', 'off', 'true or false'],
  ])('a bad %s value stops synth with one line naming the valid values', (key, value, valid) => {
    expect(() => synthStages(1, { [key]: value })).toThrow(new RegExp(`^Context '${key}' must be ${valid}, got: ${value}$`));
  });
});
