import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../lib/app/make-app';
import { costTableMarkdown, costTableRows } from '../../lib/cost/cost-table';
import { STUDIES } from '../../lib/workshop/studies';
import { sharedStore } from '../workshop/cli-io';

test("the README's cost table is what `npx tsx bin/cost-table.ts` prints for today's stages", () => {
  const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
  const block = /<!-- cost-table:[^>]*-->\n([\s\S]*?)\n<!-- \/cost-table -->/.exec(readme);
  expect(block).not.toBeNull();
  const rows = costTableRows(STUDIES, (study, stage, deployment) => sharedStore.get(STUDIES.find((s) => s.contextKey === study.contextKey)!, stage, deployment));
  expect(block![1]).toBe(costTableMarkdown(rows));
}, 120_000);
