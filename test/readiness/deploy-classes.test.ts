import { SynthesizedStage, synthIot, synthVideo } from '../support/synth-stage';
import { enginePasswordProblems } from './classes/engine-passwords';

/**
 * Class-wide deploy checks (issue 15): each runs over every stage's template of both studies and
 * holds one row class of docs/deploy-readiness.md for every resource of that class, not only the one
 * a review found. Each failed on the templates before its fix.
 */
const STAGES = [1, 2, 3, 4, 5];
const templates: Array<[string, SynthesizedStage]> = [];
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
