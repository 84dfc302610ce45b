import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { App, Stack } from 'aws-cdk-lib';
import * as docdb from 'aws-cdk-lib/aws-docdb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { NagMessageLevel } from 'cdk-nag';
import { makeApp } from '../../lib/app/make-app';
import { addPlatforms } from '../../lib/app/platforms';
import { addWellArchitectedChecks, scorecardsOf } from '../../lib/checks/add-checks';
import { PILLARS } from '../../lib/checks/framework/pillars';
import { Evaluation, Outcome } from '../../lib/checks/ledger';
import { scoreStack } from '../../lib/checks/scorecard';
import { formatScorecardTable } from '../../lib/checks/scorecard-table';
import { quietSynth } from '../support/quiet-synth';

/** An evaluation of a mapped rule on one resource of stack `S`. */
function evaluation(ruleId: string, outcome: Outcome, resource = 'S/Thing/Resource', extra: Partial<Evaluation> = {}): Evaluation {
  return { pack: ruleId.split('-')[0], ruleId, level: NagMessageLevel.WARN, stackPath: 'S', resourcePath: resource, resourceType: 'AWS::X::Y', outcome, ...extra };
}

// Rules with simple mappings: FleetMultiAz -> REL10-BP01 (HIGH); BucketLifecycle -> COST04-BP05 (MEDIUM), SUS04-BP03 (MEDIUM);
// NoCommercialLicence -> COST05-BP04 (LOW).
const MULTI_AZ = 'WellArchitected-FleetMultiAz';
const LIFECYCLE = 'WellArchitected-BucketLifecycle';
const LICENCE = 'WellArchitected-NoCommercialLicence';

describe('scoring', () => {
  test('a best practice is met only when every evaluation mapped to it is compliant', () => {
    const card = scoreStack('S', [evaluation(MULTI_AZ, 'compliant', 'S/A'), evaluation(MULTI_AZ, 'nonCompliant', 'S/B')]);
    expect(card.bestPractices.find((bp) => bp.id === 'REL10-BP01')).toMatchObject({ outcome: 'notMet', risk: 'HIGH' });
    expect(card.pillars.reliability).toEqual({
      score: 0,
      compliance: 50,
      coverage: { evaluated: 1, evaluable: expect.any(Number), framework: 67 },
      bestPracticesMet: 0,
      bestPracticesEvaluated: 1,
      openFindings: 1,
      acceptedRisks: 0,
      undecided: 0,
    });
  });

  test('an acknowledged finding is an accepted risk and never counts as met', () => {
    const card = scoreStack('S', [evaluation(MULTI_AZ, 'acknowledged', 'S/A', { reason: 'the lesson' })]);
    expect(card.bestPractices[0]).toMatchObject({ id: 'REL10-BP01', outcome: 'acceptedRisk' });
    expect(card.pillars.reliability).toMatchObject({ score: 0, acceptedRisks: 1, openFindings: 0 });
  });

  test('pillars with nothing evaluated have no score, not zero', () => {
    const card = scoreStack('S', [evaluation(MULTI_AZ, 'compliant')]);
    expect(card.pillars.reliability.score).toBe(100);
    for (const pillar of PILLARS.filter((p) => p !== 'reliability')) expect(card.pillars[pillar].score).toBeNull();
  });

  test("a pillar's score weighs each best practice by its risk: high 3, medium 2, low 1", () => {
    // COST04-BP05 (MEDIUM) met, COST05-BP04 (LOW) not met: 2 / (2 + 1).
    const card = scoreStack('S', [evaluation(LIFECYCLE, 'compliant'), evaluation(LICENCE, 'nonCompliant')]);
    expect(card.pillars.costOptimization.score).toBe(67);
    expect(card.pillars.sustainability.score).toBe(100);
  });

  test('a rule that could not decide gives no evidence, and is listed as undecided', () => {
    const card = scoreStack('S', [evaluation(MULTI_AZ, 'acknowledged', 'S/A', { error: 'unresolved token' }), evaluation(MULTI_AZ, 'compliant', 'S/B')]);
    expect(card.pillars.reliability.score).toBe(100);
    expect(card.undecided).toEqual([expect.objectContaining({ rule: MULTI_AZ, resource: 'S/A', error: 'unresolved token' })]);
  });

  test('a rule without a mapping row is reported, never silently scored', () => {
    expect(scoreStack('S', [evaluation('Custom-Rule', 'nonCompliant')]).unmappedRules).toEqual(['Custom-Rule']);
  });

  // The arithmetic under the resource-level statement (docs/scorecard.md): compliant evaluations of
  // new resources never lower either number. Whether a real resource adds only those, and changes no
  // other resource's evaluations, is what test/checks/monotonicity.test.ts checks on real stacks.
  test('compliant evaluations of new resources never lower a score or a compliance (random evaluations, 200 trials)', () => {
    const rules = [MULTI_AZ, LIFECYCLE, LICENCE, 'AwsSolutions-S10', 'AwsSolutions-RDS2', 'WellArchitected-ComponentAlarmed', 'WellArchitected-GravitonWhereOffered'];
    const outcomes: Outcome[] = ['compliant', 'nonCompliant', 'acknowledged'];
    let seed = 42;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let trial = 0; trial < 200; trial++) {
      const before = Array.from({ length: 1 + random(8) }, (_, i) => evaluation(rules[random(rules.length)], outcomes[random(3)], `S/R${i}`));
      const added = Array.from({ length: 1 + random(4) }, (_, i) => evaluation(rules[random(rules.length)], 'compliant', `S/New${i}`));
      const a = scoreStack('S', before).pillars;
      const b = scoreStack('S', [...before, ...added]).pillars;
      for (const pillar of PILLARS) {
        if (a[pillar].score !== null) expect(b[pillar].score!).toBeGreaterThanOrEqual(a[pillar].score!);
        if (a[pillar].compliance !== null) expect(b[pillar].compliance!).toBeGreaterThanOrEqual(a[pillar].compliance!);
        expect(b[pillar].coverage.evaluated).toBeGreaterThanOrEqual(a[pillar].coverage.evaluated);
      }
    }
  });
});

describe('compliance', () => {
  test('counts rule-resource evaluations, so a second flaw behind a failing practice lowers it where the score cannot move', () => {
    const one = scoreStack('S', [evaluation(MULTI_AZ, 'compliant', 'S/A'), evaluation(MULTI_AZ, 'nonCompliant', 'S/B')]);
    const two = scoreStack('S', [evaluation(MULTI_AZ, 'compliant', 'S/A'), evaluation(MULTI_AZ, 'nonCompliant', 'S/B'), evaluation(MULTI_AZ, 'nonCompliant', 'S/C')]);
    expect([one.pillars.reliability.score, two.pillars.reliability.score]).toEqual([0, 0]);
    expect([one.pillars.reliability.compliance, two.pillars.reliability.compliance]).toEqual([50, 33]);
  });

  test("weighs each evaluation by its best practice's risk: high 3, medium 2, low 1", () => {
    // COST04-BP05 (MEDIUM) compliant, COST05-BP04 (LOW) not: 2 / (2 + 1).
    const card = scoreStack('S', [evaluation(LIFECYCLE, 'compliant', 'S/A'), evaluation(LICENCE, 'nonCompliant', 'S/B')]);
    expect(card.pillars.costOptimization.compliance).toBe(67);
  });

  test('an acknowledged finding counts as not compliant: acknowledging never raises it', () => {
    const open = scoreStack('S', [evaluation(MULTI_AZ, 'compliant', 'S/A'), evaluation(MULTI_AZ, 'nonCompliant', 'S/B')]);
    const accepted = scoreStack('S', [evaluation(MULTI_AZ, 'compliant', 'S/A'), evaluation(MULTI_AZ, 'acknowledged', 'S/B', { reason: 'the lesson' })]);
    expect(accepted.pillars.reliability.compliance).toBe(open.pillars.reliability.compliance);
  });

  test("a rule's several findings on one resource are one rule-resource combination, non-compliant if any is", () => {
    const iam = 'AwsSolutions-IAM5';
    const card = scoreStack('S', [
      evaluation(iam, 'nonCompliant', 'S/Role', { finding: 'Action::s3:*' }),
      evaluation(iam, 'nonCompliant', 'S/Role', { finding: 'Resource::*' }),
      evaluation(iam, 'compliant', 'S/Other'),
    ]);
    expect(card.pillars.security.compliance).toBe(50);
  });

  test('undecided evaluations count in neither number, and are counted per pillar', () => {
    const card = scoreStack('S', [evaluation(MULTI_AZ, 'nonCompliant', 'S/A', { error: 'unresolved token' }), evaluation(MULTI_AZ, 'compliant', 'S/B')]);
    expect(card.pillars.reliability).toMatchObject({ score: 100, compliance: 100, undecided: 1 });
    expect(card.pillars.security.undecided).toBe(0);
  });
});

describe('coverage', () => {
  test("the packs' reach is counted from rule-mapping.json, and the framework's total from the pinned catalog", () => {
    const mapping = JSON.parse(fs.readFileSync(path.join(__dirname, '../../lib/checks/framework/rule-mapping.json'), 'utf8'));
    const catalog = JSON.parse(fs.readFileSync(path.join(__dirname, '../../lib/checks/framework/best-practices-2024-06-27.json'), 'utf8'));
    const pillarOf = new Map<string, string>(catalog.bestPractices.map((bp: { id: string; pillar: string }) => [bp.id, bp.pillar]));
    const mapped = new Set<string>(Object.values<{ bestPractices: { bp: string }[] }>(mapping.rules).flatMap((row) => row.bestPractices.map((m) => m.bp)));
    const card = scoreStack('S', []);
    for (const pillar of PILLARS) {
      const inPillar = [...pillarOf].filter(([, p]) => p === pillar).map(([id]) => id);
      expect({ pillar, ...card.pillars[pillar].coverage }).toEqual({ pillar, evaluated: 0, evaluable: inPillar.filter((id) => mapped.has(id)).length, framework: inPillar.length });
    }
    expect(PILLARS.reduce((n, p) => n + card.pillars[p].coverage.framework, 0)).toBe(catalog.bestPractices.length);
  });
});

describe('the scorecard file', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../docs/scorecard.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

  test.each([1, 5])('stage %i of both case studies writes scorecards that match the documented schema', (stage) => {
    const app = makeApp({ context: { video: stage, iot: stage }, cloudFormationValidation: false, bundling: false });
    addPlatforms(app);
    const assembly = quietSynth(app);
    for (const card of scorecardsOf(app)) {
      const written = JSON.parse(fs.readFileSync(path.join(assembly.directory, `${card.stack}.scorecard.json`), 'utf8'));
      expect(validate(written) ? [] : validate.errors).toEqual([]);
      expect(written).toMatchObject({ study: card.study, stage, frameworkVersion: '2024-06-27' });
      expect(written.bestPractices.length).toBeGreaterThan(10);
    }
  });
});

describe('a rule that throws', () => {
  test('is shown in the synth table as undecided, never dropped: DOC3 on a DocumentDB cluster whose user name is a dynamic reference', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    addWellArchitectedChecks(app, { printSummary: false });
    const stack = new Stack(app, 'Outside', { env: { region: 'eu-west-1' } });
    new docdb.DatabaseCluster(stack, 'Chat', {
      masterUser: { username: 'chat' }, // generated into Secrets Manager: the template holds a {{resolve:secretsmanager:...}} reference
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MEDIUM),
      vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] }),
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    });
    quietSynth(app);
    const [card] = scorecardsOf(app);
    expect(card.undecided).toEqual([expect.objectContaining({ rule: 'AwsSolutions-DOC3', resource: 'Outside/Chat/Resource' })]);
    expect(card.pillars.security.undecided).toBe(1);
    const lines = formatScorecardTable([card]).split('\n');
    const row = lines.findIndex((l) => l.startsWith('Outside '));
    expect(lines[row]).toMatch(new RegExp(`^Outside(\\s+\\S+){1}\\s+${card.pillars.security.score}\\?\\s`));
    expect(lines[row + 2]).toMatch(/1 undecided$/);
    expect(lines).toContain('undecided in Outside: AwsSolutions-DOC3 on Chat/Resource');
    expect(lines[lines.indexOf('undecided in Outside: AwsSolutions-DOC3 on Chat/Resource') + 1]).toMatch(/^  The parameter resolved to/);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
  });
});
