import { costDelta } from '../../lib/cost/cost-delta';
import { formatCostChange } from '../../lib/cost/format-cost';
import { LoadProfile } from '../../lib/cost/load-profile';
import { monthlyCost } from '../../lib/cost/monthly-cost';
import { amountFor, priceBook, priceRow } from '../../lib/cost/price-book';
import { invocationsPerMonth } from '../../lib/cost/pricers/messaging';
import { CfnTemplate } from '../../lib/cost/template-facts';

const idle: LoadProfile = { name: 'idle', title: 'idle', about: '', deployment: 'workshop', hoursPerMonth: 730, studies: {} };
const busy = (resources: Record<string, Record<string, number | string>>, figures = {}): LoadProfile => ({ ...idle, name: 'busy', studies: { s: { resources, figures } } });

const fleet: CfnTemplate = {
  Resources: {
    Template: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { InstanceType: 't4g.medium', BlockDeviceMappings: [{ Ebs: { VolumeSize: 20, VolumeType: 'gp3' } }] } } },
    Group: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MinSize: '2', MaxSize: '6', LaunchTemplate: { LaunchTemplateId: { Ref: 'Template' } } } },
    Up: { Type: 'AWS::AutoScaling::ScheduledAction', Properties: { AutoScalingGroupName: { Ref: 'Group' }, MinSize: 10, DesiredCapacity: 10, StartTime: '2027-01-03T18:30:00Z' } },
    Down: { Type: 'AWS::AutoScaling::ScheduledAction', Properties: { AutoScalingGroupName: { Ref: 'Group' }, MinSize: 2, StartTime: '2027-01-03T21:30:00Z' } },
    Role: { Type: 'AWS::IAM::Role', Properties: {} },
    Mystery: { Type: 'AWS::Neptune::DBCluster', Properties: {} },
    Provisioned: { Type: 'AWS::DynamoDB::Table', Properties: { BillingMode: 'PROVISIONED' } },
  },
};

describe('monthlyCost', () => {
  const estimate = monthlyCost(fleet, idle);

  test('prices an Auto Scaling group from its launch template at its minimum size, with its volumes', () => {
    const ec2 = estimate.lines.find((l) => l.logicalId === 'Group' && l.priceKey === 'ec2.t4g.medium')!;
    expect(ec2.quantity).toBe(2 * 730);
    expect(ec2.amount).toBeCloseTo(2 * 730 * 0.0336, 6);
    expect(estimate.lines.find((l) => l.logicalId === 'Group' && l.priceKey === 'ebs.gp3')!.quantity).toBe(40);
  });

  test('prices pre-scaling: the extra instances until the next scheduled action, once a month unless the load repeats it', () => {
    const up = estimate.lines.find((l) => l.logicalId === 'Up')!;
    expect(up.quantity).toBe(8 * 3);
    expect(estimate.free.map((f) => f.logicalId)).toContain('Down');
    const weekly = monthlyCost(fleet, busy({ Up: { repeatsPerMonth: 4 } }), { study: 's' });
    expect(weekly.lines.find((l) => l.logicalId === 'Up')!.quantity).toBe(8 * 3 * 4);
  });

  test('a free type is listed free with its reason; an unknown type and an unpriceable configuration are unpriced, not free', () => {
    expect(estimate.free.find((f) => f.logicalId === 'Role')!.reason).toMatch(/IAM/);
    expect(estimate.unpriced.map((u) => [u.logicalId, u.reason])).toEqual([
      ['Mystery', 'the model has no price for this resource type'],
      ['Provisioned', 'provisioned capacity is not priced'],
    ]);
    expect(estimate.total).toBeCloseTo(estimate.lines.reduce((s, l) => s + l.amount, 0), 9);
  });

  test('load quantities resolve through the profile\'s figures', () => {
    const template: CfnTemplate = { Resources: { Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'HTTP' } } } };
    const profile = busy({ Api: { requests: 'perMonth' } }, { perDay: { value: 1e6, why: 'x' }, days: { value: 30, why: 'y' }, perMonth: { product: ['perDay', 'days'], why: 'z' } });
    const api = monthlyCost(template, profile, { study: 's' }).lines[0];
    expect(api.quantity).toBe(30);
    expect(api.amount).toBeCloseTo(30, 9);
  });

  test('unknown regions are refused with the priced ones named', () => {
    expect(() => monthlyCost(fleet, idle, { region: 'eu-west-3' })).toThrow("No prices for region 'eu-west-3'. Priced regions: us-east-1.");
  });
});

describe('prices', () => {
  test('tiered prices walk their tiers', () => {
    const cf = priceRow(priceBook('us-east-1'), 'cloudfront.data-out');
    expect(amountFor(cf, 100)).toBeCloseTo(8.5, 9);
    expect(amountFor(cf, 20_480)).toBeCloseTo(10_240 * 0.085 + 10_240 * 0.08, 6);
  });

  test('schedules: daily cron and rates', () => {
    expect(invocationsPerMonth('cron(0 2 * * ? *)', 730)).toBeCloseTo(30.42, 2);
    expect(invocationsPerMonth('rate(5 minutes)', 730)).toBe(8760);
    expect(invocationsPerMonth('cron(0 2 ? * MON *)', 730)).toBeUndefined();
  });
});

describe('costDelta', () => {
  test('the monthly change, by service and by resource, largest first', () => {
    const before = monthlyCost(fleet, idle);
    const smaller: CfnTemplate = { Resources: { ...fleet.Resources, Up: undefined!, Down: undefined! } };
    delete (smaller.Resources as Record<string, unknown>).Up;
    delete (smaller.Resources as Record<string, unknown>).Down;
    const after = monthlyCost(smaller, idle);
    const delta = costDelta(before, after);
    expect(delta.change).toBeCloseTo(-24 * 0.0336, 9);
    expect(delta.services).toEqual([{ service: 'Amazon EC2', before: before.total - 40 * 0.08, after: after.total - 40 * 0.08, change: delta.change }]);
    expect(delta.resources.map((r) => r.logicalId)).toEqual(['Up']);
    expect(formatCostChange(delta)).toBe("-$0.81 a month (-2%): $53.06 -> $52.26 (idle load)");
  });

  test('refuses estimates under different loads', () => {
    expect(() => costDelta(monthlyCost(fleet, idle), monthlyCost(fleet, busy({})))).toThrow(/Cannot compare/);
  });
});
