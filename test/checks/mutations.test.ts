import { CfnResource, Stack } from 'aws-cdk-lib';
import { CfnAlarm } from 'aws-cdk-lib/aws-cloudwatch';
import { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { CfnTopic } from 'aws-cdk-lib/aws-sns';
import { makeApp } from '../../lib/app/make-app';
import { addPlatforms, Platforms } from '../../lib/app/platforms';
import { scorecardsOf } from '../../lib/checks/add-checks';
import { Pillar } from '../../lib/checks/framework/pillars';
import { Scorecard } from '../../lib/checks/scorecard';
import { quietSynth } from '../support/quiet-synth';

/**
 * Mutation tests: take a good property away from a late stage and the pillar it belongs to must drop.
 * If it does not, the rules would not notice a team undoing a lesson.
 */
function scorecard(study: keyof Platforms, stage: number, mutate?: (stack: Stack) => void): Scorecard {
  const app = makeApp({ context: { [study]: stage }, cloudFormationValidation: false, bundling: false });
  const stack = addPlatforms(app, { only: study })[study]!;
  mutate?.(stack);
  quietSynth(app);
  return scorecardsOf(app).find((c) => c.stack === stack.stackName)!;
}

/** The unmutated stage, synthesized once however many mutations it is compared with. */
const unmutated = new Map<string, Scorecard>();
function unmutatedScorecard(study: keyof Platforms, stage: number): Scorecard {
  const key = `${study} ${stage}`;
  if (!unmutated.has(key)) unmutated.set(key, scorecard(study, stage));
  return unmutated.get(key)!;
}

const child = <T extends CfnResource>(stack: Stack, path: string): T => stack.node.findAll().find((c) => c.node.path === `${stack.stackName}/${path}`) as T;

describe('removing one good property from a late stage lowers the matching pillar', () => {
  test.each<[string, keyof Platforms, number, Pillar[], (stack: Stack) => void]>([
    // S3 encrypts every bucket (SSE-S3) whatever the template says; SNS encrypts only with a KMS key.
    ['encryption at rest of the alerts topic', 'video', 5, ['security'], (s) => (child<CfnTopic>(s, 'Alerts/Topic/Resource').kmsMasterKeyId = undefined)],
    ['the lifecycle of the media bucket', 'video', 5, ['costOptimization', 'sustainability'], (s) => (child<CfnBucket>(s, 'Media/Bucket/Resource').lifecycleConfiguration = undefined)],
    [
      'the alarms on the ingest path',
      'iot',
      5,
      ['operationalExcellence'],
      (s) => s.node.findAll().filter((c): c is CfnAlarm => c instanceof CfnAlarm && c.node.path.includes('/IotIngestion/')).forEach((a) => (a.alarmActions = undefined)),
    ],
    ['Graviton for the ingest function', 'iot', 5, ['sustainability'], (s) => (child<CfnFunction>(s, 'IotIngestion/Ingest/Resource').architectures = ['x86_64'])],
    // The last stage with a database cluster: Aurora's reader in a second zone.
    ['the Aurora reader in a second Availability Zone', 'iot', 4, ['reliability'], (s) => child<CfnResource>(s, 'Aurora/Cluster').node.tryRemoveChild('Reader')],
  ])('%s (%s %i: %j)', (_what, study, stage, pillars, mutate) => {
    const before = unmutatedScorecard(study, stage);
    const after = scorecard(study, stage, mutate);
    const notLowered = pillars.filter((p) => !(after.pillars[p].score! < before.pillars[p].score!));
    expect(notLowered).toEqual([]);
  });
});
