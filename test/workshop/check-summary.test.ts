import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../lib/app/make-app';
import { dollars, stageCost } from '../../lib/cost';
import { formatSummaries, readSummary } from '../../lib/workshop/synth-stages';
import { IOT_PLATFORM } from '../../stages/iot/registry';
import { VIDEO_PLATFORM } from '../../stages/video/registry';
import { CaseStudyInfo } from '../../stages/stage-info';
import { sharedStore } from './cli-io';

/** An assembly folder as `npm run check` leaves it, written from a cached stage: the files readSummary reads. */
function assemblyOf(study: CaseStudyInfo, stage: number, root: string): string {
  const snapshot = sharedStore.get(study, stage);
  const dir = path.join(root, `${study.contextKey}-${stage}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${study.stackName}.template.json`), JSON.stringify(snapshot.template));
  fs.writeFileSync(path.join(dir, `${study.stackName}.scorecard.json`), JSON.stringify(snapshot.scorecard));
  fs.writeFileSync(path.join(dir, 'validation-report.json'), JSON.stringify({ pluginReports: [] }));
  return dir;
}

describe('npm run check: the $/month column (issue 16 R4)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'check-summary-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const summaries = [readSummary(VIDEO_PLATFORM, 4, assemblyOf(VIDEO_PLATFORM, 4, root)), readSummary(IOT_PLATFORM, 1, assemblyOf(IOT_PLATFORM, 1, root))];
  const table = formatSummaries(summaries);
  const lines = table.split('\n');

  test('each stage is priced under the workshop load, as `wa-stages cost` prices it', () => {
    expect(summaries[0].monthlyUsd).toBeCloseTo(stageCost(sharedStore.get(VIDEO_PLATFORM, 4), 'workshop').total, 6);
    expect(summaries[1].monthlyUsd).toBeCloseTo(stageCost(sharedStore.get(IOT_PLATFORM, 1), 'workshop').total, 6);
    expect(summaries[1].monthlyUsd).toBeGreaterThan(summaries[0].monthlyUsd);
  });

  test('the table ends each stage row with its $/month, within 100 columns, and says what it is', () => {
    expect(lines[0]).toMatch(/\s+findings\s+resources\s+\$\/month$/);
    const row = (label: string) => lines.find((l) => l.startsWith(label))!;
    expect(row('video 4 serverless-chat').endsWith(`  ${dollars(summaries[0].monthlyUsd)}`)).toBe(true);
    expect(row('iot 1 forklift').endsWith(`  ${dollars(summaries[1].monthlyUsd)}`)).toBe(true);
    expect(table).toMatch(/^\$\/month: .*workshop load/m);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
  });

  test("the README's sample table has the same columns", () => {
    const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
    const sample = readme.slice(readme.indexOf('```\nstage ') + 4);
    const header = sample.slice(0, sample.indexOf('\n'));
    expect(header.trim().split(/\s+/)).toEqual(lines[0].trim().split(/\s+/));
    // Its rows line up under the header: the amounts end where `$/month` ends.
    const rows = sample.slice(0, sample.indexOf('```')).split('\n').filter((l) => /\$[\d,.]+$/.test(l));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.length).toBe(header.length);
  });
});
