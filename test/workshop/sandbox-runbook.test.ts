import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../lib/app/make-app';
import { deployDependencies, deployTypes, sandboxStages, sandboxTableMarkdown, SandboxStage } from '../../lib/workshop/sandbox/sandbox-table';
import { STUDIES } from '../../lib/workshop/studies';
import { sharedStore } from './cli-io';

const tableRows = (markdown: string) => markdown.split('\n').filter((line) => line.startsWith('| '));

describe('the sandbox table', () => {
  type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; DependsOn?: string | string[] }>;
  const stage = (n: number, resources: Resources, idleMonthlyUsd = 73): SandboxStage => ({
    study: 'iot',
    stage: n,
    slug: `s${n}`,
    resourceTypes: deployTypes({ Resources: resources }),
    dependsOn: deployDependencies({ Resources: resources }),
    idleMonthlyUsd,
  });
  const aurora: Resources = { Cluster: { Type: 'AWS::RDS::DBCluster' }, Writer: { Type: 'AWS::RDS::DBInstance', Properties: { DBClusterIdentifier: { Ref: 'Cluster' } } } };

  test("a cluster's member instances count with the cluster; a single-instance database on its own; removals come last", () => {
    const rows = tableRows(
      sandboxTableMarkdown([
        stage(1, { Oracle: { Type: 'AWS::RDS::DBInstance' } }),
        stage(2, aurora),
        stage(3, { ...aurora, Table: { Type: 'AWS::DynamoDB::GlobalTable' } }, 2.19),
      ]),
    );
    expect(rows[1]).toBe('| iot 1 s1 | $0.10 | $73.00 | ~23-51 min | - |');
    // 3-6 base + 10-20 to create Aurora + 10-30 to remove Oracle after it.
    expect(rows[2]).toBe('| iot 2 s2 | $0.10 | $73.00 | ~13-26 min | ~23-56 min: + Aurora cluster and instances, - RDS for Oracle (Multi-AZ) |');
    expect(rows[3]).toBe('| iot 3 s3 | <$0.01 | $2.19 | ~13-26 min | ~3-6 min: no slow resource |');
  });

  test('a fleet that waits for the database is created after it; one that does not, beside it', () => {
    const secret = { Type: 'AWS::SecretsManager::SecretTargetAttachment', Properties: { TargetId: { Ref: 'Cluster' } } };
    const waits = stage(1, { ...aurora, Attachment: secret, Fleet: { Type: 'AWS::AutoScaling::AutoScalingGroup', DependsOn: 'Attachment' } });
    const apart = stage(1, { ...aurora, Fleet: { Type: 'AWS::AutoScaling::AutoScalingGroup' } });
    // 3-6 base + 10-20 (cluster) + 5-10 (fleet), against 3-6 + the longer of the two.
    expect(tableRows(sandboxTableMarkdown([waits]))[1]).toContain('| ~18-36 min |');
    expect(tableRows(sandboxTableMarkdown([apart]))[1]).toContain('| ~13-26 min |');
  });
});

test("the runbook's table is what `npx tsx bin/sandbox-table.ts` prints for today's stages", () => {
  const runbook = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'workshop', 'sandbox-runbook.md'), 'utf8');
  const block = /<!-- sandbox-table:[^>]*-->\n([\s\S]*?)\n<!-- \/sandbox-table -->/.exec(runbook);
  expect(block).not.toBeNull();
  const stages = sandboxStages(STUDIES, (study, stage) => sharedStore.get(STUDIES.find((s) => s.contextKey === study.contextKey)!, stage, 'workshop'));
  expect(block![1]).toBe(sandboxTableMarkdown(stages));
}, 120_000);
