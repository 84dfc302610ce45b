import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { allBestPractices, findBestPractice } from '../../lib/checks/framework/best-practices';
import { allClassifications, classificationOf, reviewOnlyPractices } from '../../lib/checks/framework/bp-classification';
import { frameworkCoverage, rulesByBestPractice } from '../../lib/checks/framework/coverage';
import { PILLARS } from '../../lib/checks/framework/pillars';
import { COMMANDS } from '../../lib/workshop/cli/commands';

describe('the template-visibility classification', () => {
  const rows = allClassifications();

  test('names only best practices of the pinned framework', () => {
    expect(rows.filter((c) => findBestPractice(c.id) === undefined).map((c) => c.id)).toEqual([]);
  });

  test('classifies every pinned best practice exactly once', () => {
    const ids = rows.map((c) => c.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(allBestPractices().map((bp) => bp.id).filter((id) => !ids.includes(id))).toEqual([]);
    expect(ids.length).toBe(allBestPractices().length);
  });

  test('each row has a known class and a one-line reason; partial rows say which part a template shows', () => {
    for (const c of rows) {
      expect({ id: c.id, class: ['template', 'partial', 'review'].includes(c.class) }).toEqual({ id: c.id, class: true });
      expect({ id: c.id, reason: c.reason.length > 5 && !c.reason.includes('\n') }).toEqual({ id: c.id, reason: true });
      expect({ id: c.id, part: c.class === 'partial' ? (c.part ?? '').length > 5 : c.part === undefined }).toEqual({ id: c.id, part: true });
    }
  });

  test('every pillar has practices a template can show and practices only a review can', () => {
    for (const pillar of PILLARS) {
      const classes = allBestPractices().filter((bp) => bp.pillar === pillar).map((bp) => classificationOf(bp.id).class);
      expect({ pillar, template: classes.includes('template'), review: classes.includes('review') }).toEqual({ pillar, template: true, review: true });
    }
    expect(reviewOnlyPractices().every((bp) => classificationOf(bp.id).class === 'review')).toBe(true);
  });
});

describe('framework coverage', () => {
  const coverage = frameworkCoverage();
  const rules = rulesByBestPractice();

  test('the backlog is exactly the template and partial practices without a mapped rule', () => {
    for (const c of coverage) {
      const expected = allBestPractices()
        .filter((bp) => bp.pillar === c.pillar && classificationOf(bp.id).class !== 'review' && !(rules.get(bp.id) ?? []).length)
        .map((bp) => bp.id);
      expect(c.backlog.map((bp) => bp.id)).toEqual(expected);
      expect(c.classified.template + c.classified.partial + c.classified.review).toBe(c.total);
    }
  });

  test('on every pillar the packs can evaluate at least 60% of the practices a template shows', () => {
    for (const c of coverage) {
      expect({ pillar: c.pillar, share: c.templateWithRule / c.classified.template >= 0.6 }).toEqual({ pillar: c.pillar, share: true });
    }
  });

  test('npm run coverage prints each pillar and the backlog', () => {
    const root = path.join(__dirname, '..', '..');
    const out = execFileSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'bin', 'coverage.ts')], { encoding: 'utf8' });
    for (const label of ['OPS', 'SEC', 'REL', 'PERF', 'COST', 'SUS']) expect(out).toMatch(new RegExp(`^${label}\\s+\\d+`, 'm'));
    for (const bp of coverage.flatMap((c) => c.backlog)) expect(out).toContain(bp.id);
  }, 30_000);

  test('wa-stages coverage prints the same table', () => {
    let printed = '';
    const command = COMMANDS.find((c) => c.name === 'coverage')!;
    void command.run({ positionals: [], switches: new Set(), options: new Map(), lists: new Map() }, { stdout: (t: string) => { printed += t; } } as never);
    for (const bp of coverage.flatMap((c) => c.backlog)) expect(printed).toContain(bp.id);
  });
});
