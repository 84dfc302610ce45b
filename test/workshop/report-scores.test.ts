import { renderIndexPage } from '../../lib/workshop/report/index-page';
import { renderStagePage } from '../../lib/workshop/report/stage-page';
import { VIDEO_PLATFORM } from '../../stages/video/registry';
import { sharedStore } from './cli-io';

/**
 * The report's score tables, read as HTML (the browser test draws them): every score stands with its
 * compliance and coverage, and a rule that could not decide is marked and listed.
 */
const CELL = /<td class="num" title="score [^"]*">(\d+\??|-)<br><span class="muted sub">(\d+%|-) &middot; (\d+)\/(\d+)<\/span><\/td>/g;

describe('the report', () => {
  const workshop = sharedStore.get(VIDEO_PLATFORM, 1, 'workshop');
  const talk = sharedStore.get(VIDEO_PLATFORM, 1, 'talk');
  const html = renderStagePage({ study: VIDEO_PLATFORM, stage: VIDEO_PLATFORM.stages[0], workshop, talk, claims: [] });

  test("a stage page's pillar table gives every score its compliance and coverage, then what the packs can evaluate", () => {
    const table = html.slice(html.indexOf('<h2>Pillars</h2>'), html.indexOf('<h2>Scorecard</h2>'));
    const cells = [...table.matchAll(CELL)];
    expect(cells).toHaveLength(12); // six pillars, talk's deployment and workshop deploy
    const reliability = workshop.scorecard.pillars.reliability;
    expect(cells[6 + 2].slice(1)).toEqual([String(reliability.score), `${reliability.compliance}%`, String(reliability.coverage.evaluated), '67']);
    expect(table).toContain(`<td class="num muted">${reliability.coverage.evaluable}/67</td>`);
    expect(table).toContain(`${workshop.scorecard.pillars.reliability.coverage.evaluated} of 67 evaluated`); // under the chart's bars
  });

  test('a rule that could not decide marks the score it sits behind and is listed under the scorecard', () => {
    const { undecided, pillars } = workshop.scorecard;
    expect(html.includes('<h3>Undecided</h3>')).toBe(undecided.length > 0);
    if (pillars.security.undecided > 0) expect(html).toMatch(new RegExp(`>${pillars.security.score}\\?<br>`));
    for (const u of undecided) expect(html).toContain(`<code>${u.rule}</code> on <code>${u.resource.replace(/^VideoPlatform\//, '').replace(/\/Resource$/, '')}</code>`);
  });

  test("the index's cells carry compliance and coverage too", () => {
    const index = renderIndexPage(() => workshop);
    const cells = [...index.matchAll(CELL)];
    expect(cells.length).toBe(2 * 10 * 6); // two deployments, ten stages, six pillars
    expect(index).toContain('the packs can evaluate');
  });
});
