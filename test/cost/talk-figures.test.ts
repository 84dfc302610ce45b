import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../lib/app/make-app';
import { costDelta } from '../../lib/cost/cost-delta';
import { CostEstimate } from '../../lib/cost/cost-line';
import { estimateOf } from './stage-estimates';

const sumOf = (e: CostEstimate, keep: (l: CostEstimate['lines'][number]) => boolean) => e.lines.filter(keep).reduce((s, l) => s + l.amount, 0);

let iot1: CostEstimate;
let iot2: CostEstimate;
beforeAll(() => {
  iot1 = estimateOf('iot', 1, 'talk');
  iot2 = estimateOf('iot', 2, 'talk');
}, 60_000);

describe("the talk's figures, at --load talk", () => {
  test("the forklift's Oracle storage line is about $15,000 a month: 64 TiB, Multi-AZ", () => {
    const storage = iot1.lines.filter((l) => l.resourceType === 'AWS::RDS::DBInstance' && l.priceKey.startsWith('rds.gp3'));
    expect(storage).toHaveLength(1);
    expect(storage[0].quantity).toBe(65536);
    expect(storage[0].billed).toMatch(/Multi-AZ/);
    expect(storage[0].amount).toBeGreaterThan(14_000);
    expect(storage[0].amount).toBeLessThan(16_000);
  });

  test("IoT 2: what the talk's saving names (no licence, storage billed as used) is 40-60% below IoT 1", () => {
    // Everything but Aurora's I/O line: the licence-included instances and provisioned Multi-AZ
    // storage give way to Aurora's instances and used storage, and the rest of the stack is the same.
    const withoutIo = sumOf(iot2, (l) => l.priceKey !== 'aurora.io');
    const saving = 1 - withoutIo / iot1.total;
    expect(saving).toBeGreaterThan(0.4);
    expect(saving).toBeLessThan(0.6);
  });

  test("IoT 2's whole bill is not 40-60% below IoT 1: the talk's 8 TB a day as Aurora Standard write I/O outweighs the saving (docs/cost.md says why)", () => {
    // The model prices what the talk states; it does not tune an assumption to reach the talk's 49%.
    // This pins the documented divergence: if it stops holding, docs/cost.md must change with it.
    const io = sumOf(iot2, (l) => l.priceKey === 'aurora.io');
    const delta = costDelta(iot1, iot2);
    expect(io).toBeGreaterThan(10_000);
    expect(delta.changeRatio!).toBeGreaterThan(-0.4);
    // The two largest changes: Aurora's cluster (storage and I/O) comes, Oracle's instance goes.
    expect(delta.resources.slice(0, 2).map((r) => r.resourceType).sort()).toEqual(['AWS::RDS::DBCluster', 'AWS::RDS::DBInstance']);
    const docs = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'cost.md'), 'utf8');
    expect(docs).toMatch(/## Where the model and the talk part/);
    expect(docs).toContain('write I/O');
  });
});
