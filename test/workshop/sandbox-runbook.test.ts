import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../lib/app/make-app';
import { LOAD_PROFILES } from '../../lib/cost/load-profile';
import { stageCost } from '../../lib/cost/stage-cost';
import { deployTypes, sandboxTableMarkdown, SandboxStage } from '../../lib/workshop/sandbox/sandbox-table';
import { STUDIES } from '../../lib/workshop/studies';
import { sharedStore } from './cli-io';

const tableRows = (markdown: string) => markdown.split('\n').filter((line) => line.startsWith('| '));

describe('the sandbox table', () => {
  const stage = (n: number, resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>, idleMonthlyUsd = 73): SandboxStage => ({
    study: 'iot',
    stage: n,
    slug: `s${n}`,
    resourceTypes: deployTypes({ Resources: resources }),
    idleMonthlyUsd,
  });

  test("a cluster's member instances count with the cluster; a single-instance database on its own", () => {
    const rows = tableRows(
      sandboxTableMarkdown([
        stage(1, { Oracle: { Type: 'AWS::RDS::DBInstance' } }),
        stage(2, { Cluster: { Type: 'AWS::RDS::DBCluster' }, Writer: { Type: 'AWS::RDS::DBInstance', Properties: { DBClusterIdentifier: { Ref: 'Cluster' } } } }),
        stage(3, { Cluster: { Type: 'AWS::RDS::DBCluster' }, Writer: { Type: 'AWS::RDS::DBInstance', Properties: { DBClusterIdentifier: { Ref: 'Cluster' } } }, Table: { Type: 'AWS::DynamoDB::GlobalTable' } }, 2.19),
      ]),
    );
    expect(rows[1]).toBe('| iot 1 s1 | $0.10 | $73.00 | ~23-51 min | - |');
    expect(rows[2]).toBe('| iot 2 s2 | $0.10 | $73.00 | ~13-26 min | ~13-36 min: + Aurora cluster and instances, - RDS for Oracle (Multi-AZ) |');
    expect(rows[3]).toBe('| iot 3 s3 | <$0.01 | $2.19 | ~13-26 min | ~3-6 min: no slow resource |');
  });
});

test("the runbook's table is what `npx tsx bin/sandbox-table.ts` prints for today's stages", () => {
  const runbook = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'workshop', 'sandbox-runbook.md'), 'utf8');
  const block = /<!-- sandbox-table:[^>]*-->\n([\s\S]*?)\n<!-- \/sandbox-table -->/.exec(runbook);
  expect(block).not.toBeNull();
  const stages = STUDIES.flatMap((study) =>
    study.stages.map((st) => {
      const snapshot = sharedStore.get(study, st.id, 'workshop');
      return { study: study.contextKey, stage: st.id, slug: st.slug, resourceTypes: deployTypes(snapshot.template), idleMonthlyUsd: stageCost(snapshot, LOAD_PROFILES.workshop).total };
    }),
  );
  expect(block![1]).toBe(sandboxTableMarkdown(stages));
}, 120_000);
