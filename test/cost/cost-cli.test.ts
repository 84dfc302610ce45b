import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { PROJECT_ROOT } from '../../lib/app/make-app';
import { cli } from '../workshop/cli-io';

const schema = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'cost.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('wa-stages cost called wrongly: one line naming the valid choices, exit 2, nothing written', () => {
  test.each([
    [['cost', '--load', 'peak'], "Unknown load 'peak'. Valid loads: workshop, talk."],
    [['cost', '--load=toString'], "Unknown load 'toString'. Valid loads: workshop, talk."],
    [['cost', 'vid'], 'Valid studies: video, iot.'],
    [['cost', 'iot', '6', '--load', 'talk'], 'Valid stages: 1 (forklift), 2 (aurora), 3 (tiering), 4 (dynamodb), 5 (serverless).'],
    [['cost', '--load'], "Flag --load of 'cost' needs a value. Valid flags: --json, --load <value>, --help."],
    [['cost', '--talk'], "Unknown flag '--talk' for 'cost'. Valid flags: --json, --load <value>, --help."],
    [['cost', 'iot', '1', '2'], "Too many arguments for 'cost'"],
  ])('%j', async (argv, message) => {
    const run = await cli(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(message);
  });
});

describe('wa-stages cost', () => {
  test('--json of every stage under the talk load follows the documented schema', async () => {
    const run = await cli(['cost', '--load', 'talk', '--json']);
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout);
    expect(validate(parsed)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    expect(parsed.kind).toBe('wa-stages/cost');
    expect(parsed.load).toEqual({ name: 'talk', title: expect.any(String), deployment: 'talk' });
    expect(parsed.stages.map((s: { study: string; stage: number }) => `${s.study} ${s.stage}`)).toEqual([
      'video 1', 'video 2', 'video 3', 'video 4', 'video 5', 'iot 1', 'iot 2', 'iot 3', 'iot 4', 'iot 5',
    ]);
    const forklift = parsed.stages.find((s: { study: string; stage: number }) => s.study === 'iot' && s.stage === 1);
    expect(forklift.lines[0]).toMatchObject({ logicalId: 'OracleInstance401D16CB', resourceType: 'AWS::RDS::DBInstance', quantity: 65536, unit: 'GB-month', priceKey: 'rds.gp3.multi-az' });
    expect(forklift.lines[0].path).toMatch(/^IotPlatform\//);
  }, 120_000);

  test('one stage prints its total, its lines with quantity and unit price, and what is unpriced', async () => {
    const run = await cli(['cost', 'iot', '1'], 200);
    expect(run.code).toBe(0);
    const [title, first] = run.stdout.split('\n');
    expect(title).toMatch(/^iot 1 forklift: \$2,\d{3} a month \(workshop load, us-east-1 on-demand list prices, 730 h\)$/);
    expect(first).toMatch(/^ {2}\$2,044 {2}Amazon RDS: db\.m5\.xlarge instance, oracle-se2-cdb, license-included, Multi-AZ, 730 instance-hour x \$2\.8 {2}\[OracleInstance401D16CB\]$/);
    expect(run.stdout).toContain('Unpriced: none.');
  }, 60_000);

  test('a study prints one row per stage with its total', async () => {
    const run = await cli(['cost', 'video']);
    expect(run.code).toBe(0);
    const rows = run.stdout.split('\n').filter((l) => /^video \d/.test(l));
    expect(rows).toHaveLength(5);
    expect(run.stdout).toContain('workshop load');
  }, 60_000);
});
