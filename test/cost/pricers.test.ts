import { LoadProfile } from '../../lib/cost/load-profile';
import { monthlyCost } from '../../lib/cost/monthly-cost';
import { CfnTemplate } from '../../lib/cost/template-facts';

const idle: LoadProfile = { name: 'idle', title: 'idle', about: '', deployment: 'workshop', hoursPerMonth: 730, studies: {} };
const priced = (Resources: CfnTemplate['Resources'], profile: LoadProfile = idle) => monthlyCost({ Resources }, profile, { study: 's' });
const oracle = (props: Record<string, unknown>) => ({
  Type: 'AWS::RDS::DBInstance',
  Properties: { Engine: 'oracle-se2-cdb', LicenseModel: 'license-included', DBInstanceClass: 'db.m5.xlarge', StorageType: 'gp3', AllocatedStorage: '100', ...props },
});

describe('RDS', () => {
  test('Multi-AZ bills the instance and the storage twice over', () => {
    const single = priced({ Db: oracle({ MultiAZ: false }) });
    const multi = priced({ Db: oracle({ MultiAZ: true }) });
    const storage = (e: ReturnType<typeof priced>) => e.lines.find((l) => l.priceKey.startsWith('rds.gp3'))!.amount;
    expect(storage(single)).toBeCloseTo(100 * 0.115, 9);
    expect(storage(multi)).toBeCloseTo(2 * storage(single), 9);
    expect(multi.total).toBeCloseTo(2 * single.total, 6);
  });

  test('storage autoscaling: the volume the load grows it to, up to the template\'s ceiling', () => {
    const grown = (storedGb: number) => priced({ Db: oracle({ MaxAllocatedStorage: 1000 }) }, { ...idle, studies: { s: { resources: { Db: { storedGb } } } } })
      .lines.find((l) => l.priceKey.startsWith('rds.gp3'))!.quantity;
    expect(grown(50)).toBe(100);
    expect(grown(400)).toBe(400);
    expect(grown(5000)).toBe(1000);
  });

  test('an engine, licence or storage type without a price is unpriced, not free', () => {
    const e = priced({ Byol: oracle({ LicenseModel: 'bring-your-own-license' }), Gp2: oracle({ StorageType: 'gp2' }) });
    expect(e.unpriced.map((u) => u.logicalId)).toEqual(['Byol', 'Gp2']);
    expect(e.total).toBe(0);
  });

  test('Aurora: instances by class; the cluster bills storage and I/O, and I/O-Optimized is unpriced', () => {
    const e = priced({
      Cluster: { Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'aurora-postgresql' } },
      Writer: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'aurora-postgresql', DBInstanceClass: 'db.r7g.large', DBClusterIdentifier: { Ref: 'Cluster' } } },
      Optimized: { Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'aurora-postgresql', StorageType: 'aurora-iopt1' } },
    }, { ...idle, studies: { s: { resources: { Cluster: { storedGb: 10, ioRequests: 2e6 } } } } });
    expect(e.lines.find((l) => l.logicalId === 'Writer')!.amount).toBeCloseTo(730 * 0.276, 6);
    expect(e.lines.filter((l) => l.logicalId === 'Cluster').map((l) => l.amount)).toEqual([1, 0.4]);
    expect(e.unpriced.map((u) => u.logicalId)).toEqual(['Optimized']);
  });
});

describe('network', () => {
  test('gateway endpoints are free; interface endpoints bill per AZ-hour', () => {
    const e = priced({
      S3: { Type: 'AWS::EC2::VPCEndpoint', Properties: { ServiceName: 'com.amazonaws.us-east-1.s3' } },
      Ecr: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcEndpointType: 'Interface', SubnetIds: ['a', 'b', 'c'] } },
    });
    expect(e.free.map((f) => f.logicalId)).toEqual(['S3']);
    expect(e.lines.find((l) => l.logicalId === 'Ecr' && l.priceKey === 'vpc.interface-endpoint')!.quantity).toBe(3 * 730);
  });

  test('an internet-facing ALB bills its hours, a public IPv4 address per AZ, LCUs and data out; an NLB is unpriced', () => {
    const e = priced({
      Alb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'application', Scheme: 'internet-facing', Subnets: ['a', 'b'] } },
      Nlb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'network' } },
    }, { ...idle, studies: { s: { resources: { Alb: { processedGb: 730, internetOutGb: 100 } } } } });
    const alb = Object.fromEntries(e.lines.filter((l) => l.logicalId === 'Alb').map((l) => [l.priceKey, l.amount]));
    expect(alb['elb.alb']).toBeCloseTo(730 * 0.0225, 9);
    expect(alb['elb.lcu']).toBeCloseTo(730 * 0.008, 9);
    expect(alb['vpc.public-ipv4']).toBeCloseTo(2 * 730 * 0.005, 9);
    expect(alb['dto.internet']).toBeCloseTo(9, 9);
    expect(e.unpriced.map((u) => u.logicalId)).toEqual(['Nlb']);
  });
});

describe('serverless', () => {
  test('IoT rule: messages in 5 KB units (tiered), rules triggered, and each action', () => {
    const e = priced({
      Rule: { Type: 'AWS::IoT::TopicRule', Properties: { TopicRulePayload: { Actions: [{ Lambda: {} }, { Firehose: {} }] } } },
    }, { ...idle, studies: { s: { resources: { Rule: { messages: 2e9 } } } } });
    const amounts = Object.fromEntries(e.lines.map((l) => [l.priceKey, l.amount]));
    expect(amounts['iot.messages']).toBeCloseTo(1000 * 1.0 + 1000 * 0.8, 6);
    expect(amounts['iot.rules']).toBeCloseTo(2000 * 0.15, 6);
    expect(amounts['iot.actions']).toBeCloseTo(2 * 2000 * 0.15, 6);
  });

  test('Firehose: ingestion, Parquet conversion and dynamic partitioning, each only when configured', () => {
    const stream = (conversion: boolean) => ({
      Type: 'AWS::KinesisFirehose::DeliveryStream',
      Properties: { DeliveryStreamType: 'DirectPut', ExtendedS3DestinationConfiguration: { DataFormatConversionConfiguration: { Enabled: conversion } } },
    });
    const load = { ...idle, studies: { s: { resources: { A: { ingestGb: 100 }, B: { ingestGb: 100 } } } } };
    const e = priced({ A: stream(true), B: stream(false) }, load);
    expect(e.lines.filter((l) => l.logicalId === 'A').map((l) => l.priceKey)).toEqual(['firehose.ingest', 'firehose.format-conversion']);
    expect(e.lines.filter((l) => l.logicalId === 'B').map((l) => l.priceKey)).toEqual(['firehose.ingest']);
  });

  test('Lambda: arm64 duration by memory, and X-Ray traces only with active tracing', () => {
    const e = priced({
      Fn: { Type: 'AWS::Lambda::Function', Properties: { MemorySize: 1024, Architectures: ['arm64'], TracingConfig: { Mode: 'Active' } } },
    }, { ...idle, studies: { s: { resources: { Fn: { invocations: 1e6, msPerInvocation: 1000 } } } } });
    const amounts = Object.fromEntries(e.lines.map((l) => [l.priceKey, l.amount]));
    expect(amounts['lambda.requests']).toBeCloseTo(0.2, 9);
    expect(amounts['lambda.arm64']).toBeCloseTo(1e6 * 0.0000133334, 6);
    expect(amounts['xray.traces']).toBeCloseTo(0.05 * 5, 9);
  });
});

describe('CloudWatch Synthetics', () => {
  test('a canary costs one run per tick of its schedule: every 10 minutes is 4,380 runs in 730 hours', () => {
    const estimate = priced({ Journey: { Type: 'AWS::Synthetics::Canary', Properties: { Schedule: { Expression: 'rate(10 minutes)' } } } });
    expect(estimate.lines.map((l) => [l.billed, l.quantity])).toEqual([['Synthetics canary runs', 4380]]);
    expect(estimate.total).toBeCloseTo(4380 * 0.0012, 2);
  });

  test('a schedule the model cannot count leaves the canary unpriced, not free', () => {
    const estimate = priced({ Journey: { Type: 'AWS::Synthetics::Canary', Properties: { Schedule: { Expression: 'cron(0/10 8-18 ? * MON-FRI *)' } } } });
    expect(estimate.lines).toEqual([]);
    expect(estimate.unpriced.map((u) => u.logicalId)).toEqual(['Journey']);
  });
});
