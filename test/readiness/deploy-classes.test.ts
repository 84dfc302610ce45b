import { SynthesizedStage, synthIot, synthVideo } from '../support/synth-stage';
import { customResourceTimeoutProblems } from './classes/custom-resource-timeouts';
import { destroyProblems, retiredOrphanProblems } from './classes/destroy-order';
import { enginePasswordProblems } from './classes/engine-passwords';
import { eventDeadLetterProblems } from './classes/event-dead-letters';
import { listenerRuleProblems } from './classes/listener-rules';
import { logGroupTargetProblems } from './classes/log-group-targets';
import { expressionProblems, metricMathProblems } from './classes/metric-math';
import { physicalNameProblems } from './classes/physical-names';
import { syncPayloadProblems } from './classes/sync-payloads';

/**
 * Class-wide deploy checks (issue 15): each runs over every stage's template of both studies and
 * holds one row class of docs/deploy-readiness.md for every resource of that class, not only the one
 * a review found. Each failed on the templates before its fix.
 */
const STAGES = [1, 2, 3, 4, 5];
const templates: Array<[string, SynthesizedStage]> = [];
const STACK_NAMES: Record<string, string> = { video: 'VideoPlatform', iot: 'IotPlatform' };
beforeAll(() => {
  for (const id of STAGES) templates.push([`video ${id}`, synthVideo(id)], [`iot ${id}`, synthIot(id)]);
});

/** Runs a check over every stage's template; the result names the stage of each problem. */
const overEveryStage = (check: (s: SynthesizedStage) => string[]) => templates.flatMap(([name, s]) => check(s).map((p) => `${name}: ${p}`));

describe('engine password characters', () => {
  test("every generated database password and every rotation's generator leaves out what its engine refuses", () => {
    expect(overEveryStage((s) => enginePasswordProblems(s.json))).toEqual([]);
  });
});

describe('EventBridge dead-letter queues', () => {
  test('every target that names a dead-letter queue names a standard queue EventBridge may send to', () => {
    expect(overEveryStage((s) => eventDeadLetterProblems(s.json))).toEqual([]);
  });

  test('some stage wires one, and the check refuses a FIFO queue or a queue without the grant', () => {
    expect(templates.some(([, s]) => JSON.stringify(s.json).includes('DeadLetterConfig'))).toBe(true);
    const target = { Id: 'T', Arn: 'arn:aws:sns:us-east-1:111122223333:t', DeadLetterConfig: { Arn: { 'Fn::GetAtt': ['Q', 'Arn'] } } };
    const grant = { Type: 'AWS::SQS::QueuePolicy', Properties: { Queues: [{ Ref: 'Q' }], PolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sqs:SendMessage' }] } } };
    const rule = { Type: 'AWS::Events::Rule', Properties: { Targets: [target] } };
    expect(eventDeadLetterProblems({ Resources: { R: rule, Q: { Type: 'AWS::SQS::Queue', Properties: {} }, P: grant } })).toEqual([]);
    expect(eventDeadLetterProblems({ Resources: { R: rule, Q: { Type: 'AWS::SQS::Queue', Properties: { FifoQueue: true } }, P: grant } })).toHaveLength(1);
    expect(eventDeadLetterProblems({ Resources: { R: rule, Q: { Type: 'AWS::SQS::Queue', Properties: {} } } })).toHaveLength(1);
  });
});

describe('ALB listener rules', () => {
  test('every rule keeps within the match-value limits and has a priority of its own on its listener', () => {
    expect(overEveryStage((s) => listenerRuleProblems(s.json))).toEqual([]);
  });

  test('the check refuses a rule AWS would refuse', () => {
    const rule = (priority: number, paths: string[]) => ({ Type: 'AWS::ElasticLoadBalancingV2::ListenerRule', Properties: { ListenerArn: { Ref: 'L' }, Priority: priority, Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: paths } }] } });
    expect(listenerRuleProblems({ Resources: { A: rule(10, ['/a/*', '/b/*']), B: rule(20, ['/c/*']) } })).toEqual([]);
    expect(listenerRuleProblems({ Resources: { A: rule(10, ['/a/*', '/b/*', '/c/*', '/d/*']), B: rule(10, ['/e/*']) } })).toHaveLength(2);
  });
});

describe('EventBridge targets that are log groups', () => {
  test("every rule target names a log group's ARN without the ':*' of its Arn attribute", () => {
    expect(overEveryStage((s) => logGroupTargetProblems(s.json))).toEqual([]);
  });
});

describe('metric math forms', () => {
  test('the check knows a documented form from an undocumented one', () => {
    expect(expressionProblems('IF(invocations > 0, 100 * errors / invocations, 0)')).toEqual([]);
    expect(expressionProblems('100 * errors / MAX([invocations, 1])')).toHaveLength(1);
    expect(expressionProblems('GREATEST(a, b)')).toHaveLength(1);
  });

  test('every alarm expression uses only documented functions and puts no constant inside a time-series array', () => {
    expect(overEveryStage((s) => metricMathProblems(s.json))).toEqual([]);
  });
});

describe('physical-name uniqueness', () => {
  test('every explicit physical name carries the stack name (and, account-wide, the region), or is listed with why it cannot collide', () => {
    const problems = templates.flatMap(([name, s]) =>
      physicalNameProblems(s.json, { stackName: STACK_NAMES[name.split(' ')[0]], region: 'us-east-1' }).map((p) => `${name}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  test('the check sees a name repeated in another region or stack', () => {
    const template = (type: string, properties: object) => ({ Resources: { R: { Type: type, Properties: properties } } });
    const stack = { stackName: 'VideoPlatform', region: 'us-east-1' };
    expect(physicalNameProblems(template('AWS::Athena::WorkGroup', { Name: 'telemetry' }), stack)).toHaveLength(1);
    expect(physicalNameProblems(template('AWS::Athena::WorkGroup', { Name: 'VideoPlatform-telemetry' }), stack)).toEqual([]);
    expect(physicalNameProblems(template('AWS::CloudFront::OriginAccessControl', { OriginAccessControlConfig: { Name: 'VideoPlatformOac' } }), stack)).toHaveLength(1);
  });
});

describe('synchronous Lambda payload limits', () => {
  test("every Firehose transform's full buffer, times its measured worst expansion, fits Lambda's 6 MB response", () => {
    expect(overEveryStage((s) => syncPayloadProblems(s.json))).toEqual([]);
  });
});

describe('destroy order: nothing left behind sits inside or needs what is deleted', () => {
  test('cdk destroy at every stage: no retained resource refers to a resource CloudFormation deletes', () => {
    expect(overEveryStage((s) => destroyProblems(s.json))).toEqual([]);
  });

  test('leaving each stage for the next, forward and back: what is retained refers to nothing deleted then or at a later destroy', () => {
    const problems: string[] = [];
    for (const study of ['video', 'iot']) {
      const stage = (id: number) => templates.find(([name]) => name === `${study} ${id}`)![1].json;
      for (const [from, to] of STAGES.flatMap((a) => STAGES.filter((b) => b !== a).map((b) => [a, b]))) {
        problems.push(...retiredOrphanProblems(stage(from), stage(to)).map((p) => `${study} ${from} -> ${to}: ${p}`));
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('custom resources answer CloudFormation in minutes, not an hour', () => {
  test('every custom resource backed by a function of the stack sets a ServiceTimeout just past that function\'s timeout', () => {
    expect(overEveryStage((s) => customResourceTimeoutProblems(s.json))).toEqual([]);
  });
});
