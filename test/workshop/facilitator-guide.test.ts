import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../lib/app/make-app';
import { PILLARS } from '../../lib/checks/framework/pillars';
import { STUDIES } from '../../lib/workshop/studies';
import { PillarScores } from '../../lib/workshop/talk-claims';
import { talkClaimsTableMarkdown } from '../../lib/workshop/talk-claims-table';
import { sharedStore } from './cli-io';

const guide = () => fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'workshop', 'facilitator-guide.md'), 'utf8');

test("the guide's table of the talk's claims is what `npx tsx bin/guide-tables.ts` prints for today's scores", () => {
  const block = /<!-- talk-claims-table:[^>]*-->\n([\s\S]*?)\n<!-- \/talk-claims-table -->/.exec(guide());
  expect(block).not.toBeNull();
  const table = talkClaimsTableMarkdown(STUDIES, (study, stage, deployment) => {
    const card = sharedStore.get(study, stage, deployment).scorecard;
    return Object.fromEntries(PILLARS.map((p) => [p, card.pillars[p].score])) as PillarScores;
  });
  expect(block![1]).toBe(table);
}, 120_000);

test('every stage of both studies has its step in the guide, with the command that shows it', () => {
  const text = guide();
  for (const study of STUDIES) {
    expect(text).toContain(`npx wa-stages show ${study.contextKey} 1`);
    for (const stage of study.stages.slice(1)) expect(text).toContain(`npx wa-stages diff ${study.contextKey} ${stage.id - 1} ${stage.id}`);
  }
});

test("the guide's relative links resolve", () => {
  const dir = path.join(PROJECT_ROOT, 'docs', 'workshop');
  const docs = ['facilitator-guide.md', 'sandbox-runbook.md', ...fs.readdirSync(path.join(dir, 'exercises')).map((f) => `exercises/${f}`)];
  const broken = docs.flatMap((doc) =>
    // Code blocks hold TypeScript, not links: `METRICS[type](resource)` is a call.
    [...fs.readFileSync(path.join(dir, doc), 'utf8').replace(/```[\s\S]*?```/g, '').matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)]
      .map((m) => m[1])
      .filter((target) => !/^[a-z]+:/.test(target))
      .filter((target) => !fs.existsSync(path.resolve(path.dirname(path.join(dir, doc)), target)))
      .map((target) => `${doc} -> ${target}`),
  );
  expect(broken).toEqual([]);
});
