import { makeApp } from '../../lib/app/make-app';
import { addPlatforms } from '../../lib/app/platforms';
import { scorecardsOf } from '../../lib/checks/add-checks';
import { PILLARS } from '../../lib/checks/framework/pillars';
import { Scorecard } from '../../lib/checks/scorecard';
import { checkTalkClaims, PillarScores } from '../../lib/workshop/talk-claims';
import { CaseStudyInfo } from '../../stages/stage-info';
import { IOT_PLATFORM } from '../../stages/iot/registry';
import { talkDeploymentContext } from '../../stages/talk-deployment';
import { VIDEO_PLATFORM } from '../../stages/video/registry';
import { quietSynth } from '../support/quiet-synth';

/**
 * The talk's framework slides, as registry data, against scorecards computed by a synth of every
 * stage with both rule packs, deployed as the talk's teams ran them (see stages/talk-deployment.ts).
 * Bundling and the built-in template validation do not change a scorecard, so they are off here.
 */
const cards = new Map<string, Scorecard>();
beforeAll(() => {
  for (const id of [1, 2, 3, 4, 5]) {
    const app = makeApp({ context: { video: id, iot: id, ...talkDeploymentContext(id, id) }, cloudFormationValidation: false, bundling: false });
    addPlatforms(app);
    quietSynth(app);
    for (const card of scorecardsOf(app)) cards.set(`${card.study}-${card.stage}`, card);
  }
}, 60_000);

const scoresOf = (study: CaseStudyInfo) => (stage: number): PillarScores => {
  const card = cards.get(`${study.contextKey}-${stage}`)!;
  return Object.fromEntries(PILLARS.map((p) => [p, card.pillars[p].score])) as PillarScores;
};

describe.each([VIDEO_PLATFORM, IOT_PLATFORM])('$title: what the talk says of each stage', (study) => {
  const stagesWithClaims = study.stages.filter((s) => s.talk).map((s) => s.id);

  test('the talk gives a framework view of some of its stages, and each one has claims', () => {
    expect(stagesWithClaims.length).toBeGreaterThanOrEqual(2);
    for (const stage of study.stages.filter((s) => s.talk)) expect(stage.talk!.claims.length).toBeGreaterThan(0);
  });

  test.each(stagesWithClaims)('stage %i earns every claim the talk makes of it', (id) => {
    const failed = checkTalkClaims(study, scoresOf(study))
      .filter((r) => r.stage === id && !r.holds)
      .map((r) => `${r.statement}: ${r.evidence}`);
    expect(failed).toEqual([]);
  });

  test('every stage is scored on all six pillars and no evaluated rule is unmapped', () => {
    for (const stage of study.stages) {
      const card = cards.get(`${study.contextKey}-${stage.id}`)!;
      expect(card.unmappedRules).toEqual([]);
      for (const pillar of PILLARS) expect(card.pillars[pillar].score).not.toBeNull();
    }
  });
});
