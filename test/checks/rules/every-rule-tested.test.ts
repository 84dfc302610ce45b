import * as fs from 'node:fs';
import { rules } from 'cdk-nag';
import { WELL_ARCHITECTED_RULES } from '../../../lib/checks/packs/well-architected';

/** Rules the pack reuses from cdk-nag, which cdk-nag's own tests cover. */
const cdkNagRules = new Set<unknown>(Object.values(rules).flatMap((service) => Object.values(service)));
const ownRules = WELL_ARCHITECTED_RULES.map((r) => r.rule).filter((rule) => !cdkNagRules.has(rule)).map((rule) => rule.name);
const testFiles = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.ts')).map((f) => f.replace(/\.test\.ts$/, ''));

describe('the WellArchitected pack', () => {
  test('reuses cdk-nag rules and has rules of its own', () => {
    expect(ownRules.length).toBeGreaterThan(0);
    expect(ownRules.length).toBeLessThan(WELL_ARCHITECTED_RULES.length);
  });

  test('every rule of its own has a test file here, named after it', () => {
    expect(ownRules.filter((name) => !testFiles.includes(name))).toEqual([]);
  });

  test('every test file here is for a rule the pack lists', () => {
    expect(testFiles.filter((name) => name !== 'every-rule-tested' && !ownRules.includes(name))).toEqual([]);
  });
});
