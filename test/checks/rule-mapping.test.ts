import * as fs from 'node:fs';
import { allBestPractices, FRAMEWORK_VERSION, findBestPractice } from '../../lib/checks/framework/best-practices';
import { PILLAR_PREFIX, PILLARS } from '../../lib/checks/framework/pillars';
import { allRuleMappings } from '../../lib/checks/framework/rule-mapping';
import { WELL_ARCHITECTED_RULES } from '../../lib/checks/packs/well-architected';

/** Every rule id the AWS Solutions pack can emit, read from the pack itself (it sets each id explicitly). */
function awsSolutionsRuleIds(): string[] {
  const source = fs.readFileSync(require.resolve('cdk-nag/lib/packs/aws-solutions.js'), 'utf8');
  return [...source.matchAll(/ruleSuffixOverride: '([A-Za-z0-9]+)'/g)].map((m) => `AwsSolutions-${m[1]}`);
}

const emitted = [...awsSolutionsRuleIds(), ...WELL_ARCHITECTED_RULES.map((r) => `WellArchitected-${r.rule.name}`)];
const mappings = allRuleMappings();

describe('the pinned framework catalog', () => {
  const catalog = allBestPractices();

  test('is the 2024-06-27 framework, all six pillars, each id once', () => {
    expect(FRAMEWORK_VERSION).toBe('2024-06-27');
    expect(new Set(catalog.map((bp) => bp.id)).size).toBe(catalog.length);
    for (const pillar of PILLARS) expect(catalog.filter((bp) => bp.pillar === pillar).length).toBeGreaterThan(20);
  });

  test('every best practice sits in the pillar its id names, with a risk and a page of that version', () => {
    for (const bp of catalog) {
      expect(bp.id).toMatch(new RegExp(`^${PILLAR_PREFIX[bp.pillar]}\\d{2}-BP\\d{2}$`));
      expect(bp.id.startsWith(bp.question)).toBe(true);
      expect(['HIGH', 'MEDIUM', 'LOW']).toContain(bp.risk);
      expect(bp.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/wellarchitected\/2024-06-27\/framework\/[a-z0-9_]+\.html$/);
    }
  });
});

describe('the rule mapping', () => {
  test('the AWS Solutions pack is read whole (it has over a hundred rules)', () => {
    expect(awsSolutionsRuleIds().length).toBeGreaterThan(100);
  });

  test('maps every rule id either pack can emit', () => {
    expect(emitted.filter((id) => !mappings[id])).toEqual([]);
  });

  test('has no row for a rule no pack emits (a renamed rule would silently lose its mapping)', () => {
    expect(Object.keys(mappings).filter((id) => !emitted.includes(id))).toEqual([]);
  });

  test('names only best practices of the pinned version, each with its source', () => {
    for (const [rule, row] of Object.entries(mappings)) {
      for (const { bp, source } of row.bestPractices) {
        expect({ rule, bp, known: findBestPractice(bp) !== undefined }).toEqual({ rule, bp, known: true });
        expect(source).toMatch(/^(GR|CP-REL|CP-SEC|SP|SS|project)\b/);
      }
    }
  });

  test('a rule that evidences no best practice says why', () => {
    for (const [rule, row] of Object.entries(mappings)) {
      if (row.bestPractices.length === 0) expect({ rule, note: (row.note ?? '').length > 40 }).toEqual({ rule, note: true });
    }
  });

  test("the project's own rules each evidence at least one best practice", () => {
    for (const { rule } of WELL_ARCHITECTED_RULES) expect(mappings[`WellArchitected-${rule.name}`].bestPractices.length).toBeGreaterThan(0);
  });
});
