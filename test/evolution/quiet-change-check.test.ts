import { noisyChanges } from '../../lib/evolution/quiet-change';
import { orderedPairs, stageChange } from '../../lib/evolution/stage-pairs';
import { CaseStudyInfo } from '../../stages/stage-info';

const tags = (stage: string) => [{ Key: 'wa:stage', Value: stage }];

describe('the quiet-change check itself', () => {
  test('flags a resource whose only difference is its tags', () => {
    const before = { Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: 'alerts', Tags: tags('1') } } } };
    const after = { Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: 'alerts', Tags: tags('2') } } } };
    expect(noisyChanges(before, after).map((c) => c.problem)).toEqual(['tags-only-update']);
  });

  test('accepts a real change that also changes tags, and an untouched resource', () => {
    const before = { Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: 'a', Tags: tags('1') } }, Same: { Type: 'AWS::SNS::Topic', Properties: {} } } };
    const after = { Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: 'b', Tags: tags('2') } }, Same: { Type: 'AWS::SNS::Topic', Properties: {} } } };
    expect(noisyChanges(before, after)).toEqual([]);
  });

  test('flags a stateless resource replaced only because its tags changed', () => {
    const app = (stage: string) => ({ Type: 'AWS::Serverless::Application', Properties: { Location: { ApplicationId: 'x', SemanticVersion: '1' }, Tags: { 'wa:stage': stage } } });
    const problems = noisyChanges({ Resources: { Rotation: app('1') } }, { Resources: { Rotation: app('2') } }).map((c) => c.problem);
    expect(problems).toContain('replaced-unchanged');
  });

  test('flags a fleet rolled onto a launch-template version that differs only in tags', () => {
    const template = (stage: string) => ({
      Type: 'AWS::EC2::LaunchTemplate',
      Properties: { LaunchTemplateData: { ImageId: 'ami-1', TagSpecifications: [{ ResourceType: 'instance', Tags: tags(stage) }] } },
    });
    const group = { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { LaunchTemplate: { LaunchTemplateId: { Ref: 'Lt' }, Version: { 'Fn::GetAtt': ['Lt', 'LatestVersionNumber'] } } } };
    const problems = noisyChanges({ Resources: { Lt: template('1'), Group: group } }, { Resources: { Lt: template('2'), Group: group } });
    expect(problems.map((c) => `${c.logicalId} ${c.problem}`)).toEqual(['Lt tags-only-update', 'Group fleet-rolled-unchanged']);
  });
});

describe('stage pairs', () => {
  const study = {
    contextKey: 's',
    stackName: 'S',
    title: 'S',
    stages: [1, 2, 3].map((id) => ({ id, slug: `s${id}`, title: '', reason: '', adds: [], retires: [], retiredParts: id === 2 ? ['Old'] : [] })),
  } as CaseStudyInfo;
  const at = (...parts: string[]) => ({
    Resources: Object.fromEntries(parts.map((p) => [p, { Type: 'AWS::SNS::Topic', Metadata: { 'aws:cdk:path': `S/${p}/Resource` } }])),
  });

  test('cover every stage to every other, forward and backward', () => {
    expect(orderedPairs(study)).toEqual([[1, 2], [1, 3], [2, 1], [2, 3], [3, 1], [3, 2]]);
  });

  test('forward, what may go is what the stages passed announce', () => {
    expect(stageChange(study, 1, 3, { from: at('Old', 'Keep'), to: at('Keep') }).retiredParts).toEqual(['Old']);
  });

  test('backward, what may go is only what the earlier stage has no part of', () => {
    expect(stageChange(study, 3, 1, { from: at('Keep', 'New'), to: at('Keep', 'Old') }).retiredParts).toEqual(['New']);
  });
});
