import { App, Stack } from 'aws-cdk-lib';
import { CfnDBCluster } from 'aws-cdk-lib/aws-docdb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { makeApp } from '../../lib/app/make-app';
import { addPlatforms } from '../../lib/app/platforms';
import { acknowledge } from '../../lib/checks/acknowledge';
import { scorecardsOf } from '../../lib/checks/add-checks';
import { Ledger } from '../../lib/checks/ledger';
import { RecordedAwsSolutionsChecks } from '../../lib/checks/packs/aws-solutions';
import { formatScorecardTable } from '../../lib/checks/scorecard-table';
import { staleAcknowledgements } from '../../lib/checks/stale-acknowledgements';
import { quietSynth } from '../support/quiet-synth';

/** Runs the AWS Solutions pack over a small stack and lists the acknowledgements no finding used. */
function staleIn(build: (stack: Stack) => void) {
  const app = new App({ builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Outside');
  build(stack);
  const ledger = new Ledger();
  new RecordedAwsSolutionsChecks(app, { ledger }).validateScope(app);
  return staleAcknowledgements(app, ledger.evaluations, ['AwsSolutions', 'WellArchitected']);
}

const REASON = 'Test: accepted for the sake of this test case, never in a real stack.';

describe('stale acknowledgements', () => {
  test('an acknowledgement whose finding is still there is in use', () => {
    expect(staleIn((stack) => acknowledge(new s3.Bucket(stack, 'Data'), { rule: 'AwsSolutions-S1', reason: REASON }))).toEqual([]);
  });

  test('once the flaw is fixed, its acknowledgement is listed with where it was made', () => {
    const stale = staleIn((stack) => {
      const logs = new s3.Bucket(stack, 'Logs');
      acknowledge(new s3.Bucket(stack, 'Data', { serverAccessLogsBucket: logs, enforceSSL: true }), { rule: 'AwsSolutions-S1', reason: REASON }, { rule: 'AwsSolutions-S10', reason: REASON });
    });
    expect(stale).toEqual([
      { scope: 'Outside/Data', id: 'AwsSolutions::AwsSolutions-S1', reason: REASON },
      { scope: 'Outside/Data', id: 'AwsSolutions::AwsSolutions-S10', reason: REASON },
    ]);
  });

  test('on an ancestor it is in use while any resource below still has the finding; granular ids match their finding', () => {
    expect(
      staleIn((stack) => {
        new sqs.Queue(stack, 'Queue');
        acknowledge(stack, { rule: 'AwsSolutions-SQS3', reason: REASON }, { rule: 'AwsSolutions-IAM5[Resource::*]', reason: REASON });
      }),
    ).toEqual([{ scope: 'Outside', id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]', reason: REASON }]);
  });

  test("acknowledgements of other plugins' rules are not the packs' business", () => {
    expect(staleIn((stack) => acknowledge(stack, { rule: 'CloudFormation-W3005', plugin: 'CloudFormation-Validate', reason: REASON }))).toEqual([]);
  });
});

describe('editing a stage: fixing an acknowledged flaw', () => {
  test('leaves a stale acknowledgement that the scorecard lists and the tables warn about', () => {
    const app = makeApp({ context: { video: 1 }, cloudFormationValidation: false, bundling: false });
    const stack = addPlatforms(app, { only: 'video' }).video!;
    // The fix: DocumentDB off its default port, which the stage acknowledges as a teaching flaw.
    const cluster = stack.node.findAll().find((c) => c.node.path === `${stack.stackName}/ChatDatabase/Cluster/Resource`) as CfnDBCluster;
    cluster.port = 27018;
    quietSynth(app);
    const card = scorecardsOf(app).find((c) => c.stack === stack.stackName)!;
    expect(card.staleAcknowledgements).toContainEqual(expect.objectContaining({ scope: `${stack.stackName}/ChatDatabase/Cluster`, id: 'AwsSolutions::AwsSolutions-DOC2' }));
    expect(formatScorecardTable([card])).toContain(
      'stale acknowledgement in VideoPlatform: AwsSolutions::AwsSolutions-DOC2 on ChatDatabase/Cluster\n  matches no finding any more: remove it',
    );
  }, 60_000);
});
